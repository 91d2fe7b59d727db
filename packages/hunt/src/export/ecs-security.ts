/**
 * ECS names for the Windows events an analyst looks for beside Sysmon's: logons and logoffs
 * (4624, 4625, 4634, 4647, 4648, 4672), processes (4688, 4689), services installed (4697,
 * 7045), accounts and groups changed (4720-4738), logs cleared (1102, 104) and network shares
 * accessed (5140, 5145). The event data names are Windows'; the ECS names follow the ECS field
 * reference and the fields Winlogbeat's Security module documents (`winlog.logon.*`).
 */
import type { FieldValue } from '../record.js';
import type { EcsDocument } from './ecs-document.js';
import type { ExportRecord } from './export-record.js';
import { baseName, idNumber, ipText, presentText } from './ecs-values.js';

type Data = Readonly<Record<string, FieldValue>>;

/** How one event's data becomes ECS fields. */
interface EventMapping {
  readonly category: readonly string[];
  readonly type: readonly string[];
  readonly action: string;
  /** Whose name, domain and SID are `user.*`: the subject (who acted) or the target. */
  readonly user?: 'Subject' | 'Target';
  /** Fields particular to the event. */
  readonly more?: (doc: EcsDocument, data: Data) => void;
}

const UINT32 = 0xffffffff;

/** Windows' logon types by number, under the names Winlogbeat gives `winlog.logon.type`. */
const LOGON_TYPES: ReadonlyMap<string, string> = new Map([
  ['0', 'System'],
  ['2', 'Interactive'],
  ['3', 'Network'],
  ['4', 'Batch'],
  ['5', 'Service'],
  ['7', 'Unlock'],
  ['8', 'NetworkCleartext'],
  ['9', 'NewCredentials'],
  ['10', 'RemoteInteractive'],
  ['11', 'CachedInteractive'],
  ['12', 'CachedRemoteInteractive'],
  ['13', 'CachedUnlock'],
]);

/** Adds the ECS fields of a Security, Service Control Manager or Eventlog event it knows. */
export function addSecurityFields(doc: EcsDocument, record: ExportRecord): void {
  const mapping = PROVIDERS.get(record.provider)?.get(record.eventId);
  if (mapping === undefined) return;

  doc.set('event.category', [...mapping.category]);
  doc.set('event.type', [...mapping.type]);
  doc.set('event.action', mapping.action);
  if (mapping.user !== undefined) addAccount(doc, record.data, mapping.user, 'user');
  mapping.more?.(doc, record.data);
}

/** `PrefixUserName`, `PrefixDomainName` and the SID as `ecs.name`, `.domain` and `.id`. */
function addAccount(doc: EcsDocument, data: Data, prefix: string, ecs: string): void {
  doc.set(`${ecs}.name`, presentText(data[`${prefix}UserName`]));
  doc.set(`${ecs}.domain`, presentText(data[`${prefix}DomainName`]));
  // Account management events name the target's SID TargetSid, logons TargetUserSid.
  doc.set(`${ecs}.id`, presentText(data[`${prefix}UserSid`] ?? data[`${prefix}Sid`]));
}

/** The logon's type by name and its id (`0x3e7`), which ties a session's events together. */
function addLogon(doc: EcsDocument, data: Data, idField: string): void {
  const type = presentText(data['LogonType']);
  doc.set('winlog.logon.type', type === undefined ? undefined : LOGON_TYPES.get(type));
  doc.set('winlog.logon.id', presentText(data[idField]));
}

/** Where a logon came from: address, port and workstation name. */
function addSource(doc: EcsDocument, data: Data): void {
  doc.set('source.ip', ipText(presentText(data['IpAddress'])));
  // Port 0 is what Windows writes when there is no port.
  const port = idNumber(presentText(data['IpPort']), 65535);
  doc.set('source.port', port === 0 ? undefined : port);
  doc.set('source.domain', presentText(data['WorkstationName']));
}

/** A process named by `nameField` and `pidField` (hex in Security events) as `ecs.*`. */
function addProcess(doc: EcsDocument, data: Data, fields: [string, string], ecs: string): void {
  const executable = presentText(data[fields[0]]);
  doc.set(`${ecs}.executable`, executable);
  doc.set(`${ecs}.name`, baseName(executable));
  doc.set(`${ecs}.pid`, idNumber(presentText(data[fields[1]]), UINT32));
}

const logon = (idField: string) => (doc: EcsDocument, data: Data) => {
  addLogon(doc, data, idField);
  addSource(doc, data);
  addProcess(doc, data, ['ProcessName', 'ProcessId'], 'process');
};

const logoff = (doc: EcsDocument, data: Data) => addLogon(doc, data, 'TargetLogonId');

function failedLogon(doc: EcsDocument, data: Data): void {
  logon('TargetLogonId')(doc, data);
  doc.set('event.outcome', 'failure');
  // TODO: Status and SubStatus stay NTSTATUS codes (0xc000006d): their descriptions are not
  // looked up, and FailureReason stays the message reference it is (%%2313).
  doc.set('winlog.logon.failure.status', presentText(data['Status']));
  doc.set('winlog.logon.failure.sub_status', presentText(data['SubStatus']));
  doc.set('winlog.logon.failure.reason', presentText(data['FailureReason']));
}

function explicitLogon(doc: EcsDocument, data: Data): void {
  addLogon(doc, data, 'SubjectLogonId');
  addSource(doc, data);
  addProcess(doc, data, ['ProcessName', 'ProcessId'], 'process');
  addAccount(doc, data, 'Target', 'user.effective');
  doc.set('destination.domain', presentText(data['TargetServerName']));
}

function processCreated(doc: EcsDocument, data: Data): void {
  addProcess(doc, data, ['NewProcessName', 'NewProcessId'], 'process');
  doc.set('process.command_line', presentText(data['CommandLine']));
  // ProcessId is the parent's: the process that asked for the new one.
  addProcess(doc, data, ['ParentProcessName', 'ProcessId'], 'process.parent');
  addAccount(doc, data, 'Target', 'user.effective');
  doc.set('winlog.logon.id', presentText(data['SubjectLogonId']));
}

function processExited(doc: EcsDocument, data: Data): void {
  addProcess(doc, data, ['ProcessName', 'ProcessId'], 'process');
  doc.set('process.exit_code', idNumber(presentText(data['Status']), UINT32));
  doc.set('winlog.logon.id', presentText(data['SubjectLogonId']));
}

const service = (pathField: string) => (doc: EcsDocument, data: Data) => {
  doc.set('service.name', presentText(data['ServiceName']));
  doc.set('service.type', presentText(data['ServiceType']));
  doc.set('file.path', presentText(data[pathField]));
};

const SUBJECT_LOGON = (doc: EcsDocument, data: Data) =>
  doc.set('winlog.logon.id', presentText(data['SubjectLogonId']));

/** A user account changed: who did it is user.*, whose account it is user.target.*. */
const accountChange = (type: string, action: string): EventMapping => ({
  category: ['iam'],
  type: ['user', type],
  action,
  user: 'Subject',
  more: (doc, data) => {
    addAccount(doc, data, 'Target', 'user.target');
    SUBJECT_LOGON(doc, data);
  },
});

/** A group changed: the group is group.* (Target*), a member added or removed user.target.*. */
const groupChange = (type: string, action: string): EventMapping => ({
  category: ['iam'],
  type: ['group', type],
  action,
  user: 'Subject',
  more: (doc, data) => {
    doc.set('group.name', presentText(data['TargetUserName']));
    doc.set('group.domain', presentText(data['TargetDomainName']));
    doc.set('group.id', presentText(data['TargetSid']));
    doc.set('user.target.name', presentText(data['MemberName']));
    doc.set('user.target.id', presentText(data['MemberSid']));
    SUBJECT_LOGON(doc, data);
  },
});

/** A share, and for 5145 the file in it, as file.*; the client as source.*. */
function shareAccess(doc: EcsDocument, data: Data): void {
  addSource(doc, data);
  SUBJECT_LOGON(doc, data);
  const share = presentText(data['ShareLocalPath']);
  const relative = presentText(data['RelativeTargetName']);
  const path = relative === undefined ? share : `${share ?? ''}\\${relative}`;
  doc.set('file.path', path);
  doc.set('file.name', baseName(relative));
}

const SECURITY_EVENTS: ReadonlyMap<number, EventMapping> = new Map([
  [
    4624,
    {
      category: ['authentication'],
      type: ['start'],
      action: 'logged-in',
      user: 'Target',
      more: logon('TargetLogonId'),
    },
  ],
  [
    4625,
    {
      category: ['authentication'],
      type: ['start'],
      action: 'logon-failed',
      user: 'Target',
      more: failedLogon,
    },
  ],
  [
    4634,
    {
      category: ['authentication'],
      type: ['end'],
      action: 'logged-out',
      user: 'Target',
      more: logoff,
    },
  ],
  [
    4647,
    {
      category: ['authentication'],
      type: ['end'],
      action: 'logged-out',
      user: 'Target',
      more: logoff,
    },
  ],
  [
    4648,
    {
      category: ['authentication'],
      type: ['start'],
      action: 'logged-in-explicit',
      user: 'Subject',
      more: explicitLogon,
    },
  ],
  [
    4672,
    {
      category: ['iam'],
      type: ['admin'],
      action: 'logged-in-special',
      user: 'Subject',
      more: SUBJECT_LOGON,
    },
  ],
  [
    4688,
    {
      category: ['process'],
      type: ['start'],
      action: 'created-process',
      user: 'Subject',
      more: processCreated,
    },
  ],
  [
    4689,
    {
      category: ['process'],
      type: ['end'],
      action: 'exited-process',
      user: 'Subject',
      more: processExited,
    },
  ],
  [
    4697,
    {
      category: ['iam', 'configuration'],
      type: ['admin', 'change'],
      action: 'service-installed',
      user: 'Subject',
      more: service('ServiceFileName'),
    },
  ],
  [4720, accountChange('creation', 'added-user-account')],
  [4722, accountChange('change', 'enabled-user-account')],
  [4723, accountChange('change', 'changed-password')],
  [4724, accountChange('change', 'reset-password')],
  [4725, accountChange('change', 'disabled-user-account')],
  [4726, accountChange('deletion', 'deleted-user-account')],
  [4727, groupChange('creation', 'added-group-account')],
  [4728, groupChange('change', 'added-member-to-group')],
  [4729, groupChange('change', 'removed-member-from-group')],
  [4730, groupChange('deletion', 'deleted-group-account')],
  [4731, groupChange('creation', 'added-group-account')],
  [4732, groupChange('change', 'added-member-to-group')],
  [4733, groupChange('change', 'removed-member-from-group')],
  [4734, groupChange('deletion', 'deleted-group-account')],
  [4735, groupChange('change', 'modified-group-account')],
  [4737, groupChange('change', 'modified-group-account')],
  [4738, accountChange('change', 'modified-user-account')],
  [
    5140,
    {
      category: ['network', 'file'],
      type: ['access'],
      action: 'network-share-object-accessed',
      user: 'Subject',
      more: shareAccess,
    },
  ],
  [
    5145,
    {
      category: ['network', 'file'],
      type: ['access'],
      action: 'network-share-object-access-checked',
      user: 'Subject',
      more: shareAccess,
    },
  ],
]);

/** The Security log's own clearing (1102) and another log's (104, in System). */
const EVENTLOG_EVENTS: ReadonlyMap<number, EventMapping> = new Map([
  [
    1102,
    {
      category: ['configuration'],
      type: ['deletion'],
      action: 'audit-log-cleared',
      user: 'Subject',
      more: SUBJECT_LOGON,
    },
  ],
  [
    104,
    { category: ['configuration'], type: ['deletion'], action: 'log-cleared', user: 'Subject' },
  ],
]);

const SERVICE_EVENTS: ReadonlyMap<number, EventMapping> = new Map([
  [
    7045,
    {
      category: ['configuration'],
      type: ['creation'],
      action: 'service-installed',
      more: service('ImagePath'),
    },
  ],
]);

/** The events mapped, by provider name and Event ID. */
const PROVIDERS: ReadonlyMap<string, ReadonlyMap<number, EventMapping>> = new Map([
  ['Microsoft-Windows-Security-Auditing', SECURITY_EVENTS],
  ['Microsoft-Windows-Eventlog', EVENTLOG_EVENTS],
  ['Service Control Manager', SERVICE_EVENTS],
]);
