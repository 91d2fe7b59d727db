/**
 * The Sysmon event types a configuration can filter: the element name the configuration uses,
 * the Event IDs it covers, and what Sysmon does when the configuration does not mention it.
 * Facts from the Sysmon schema (Sysinternals/SysmonCommon `manifest.xml`) and the Sysinternals
 * documentation ("network connection ... disabled by default", "image loaded ... disabled by
 * default").
 */

/** One filterable event type. */
export interface SysmonEventType {
  /** The configuration element name, such as `NetworkConnect`. */
  readonly element: string;
  /** The Event IDs this element filters (RegistryEvent covers 12, 13 and 14). */
  readonly eventIds: readonly number[];
  /** What the events record, in a few words. */
  readonly title: string;
  /** True when Sysmon logs this event type although the configuration never mentions it. */
  readonly loggedWhenAbsent: boolean;
  /**
   * True when collection itself is switched on by the configuration's rules (NetworkConnect,
   * ImageLoad, ProcessAccess, DnsQuery): Sysmon switches it off when the last rule set for the
   * type in the file is an include set without rules.
   */
  readonly switchedByRules: boolean;
}

/**
 * Every filterable event type, in Event ID order.
 * TODO: what Sysmon does with a type the configuration never mentions is taken from its schema
 * (`ruledefault`) and documentation, not verified against a running Sysmon. CreateRemoteThread
 * and RawAccessRead are believed logged; FileDelete, ClipboardChange, ProcessTampering,
 * FileDeleteDetected and the 27-29 block/detect events are treated as not logged.
 */
export const SYSMON_EVENT_TYPES: readonly SysmonEventType[] = [
  type('ProcessCreate', [1], 'process creation', 'logged'),
  type('FileCreateTime', [2], 'file creation time changed', 'logged'),
  type('NetworkConnect', [3], 'network connection', 'rules-switch-on'),
  type('ProcessTerminate', [5], 'process terminated', 'logged'),
  type('DriverLoad', [6], 'driver loaded', 'logged'),
  type('ImageLoad', [7], 'image (DLL) loaded', 'rules-switch-on'),
  type('CreateRemoteThread', [8], 'remote thread created', 'logged'),
  type('RawAccessRead', [9], 'raw disk read', 'logged'),
  type('ProcessAccess', [10], 'process accessed', 'rules-switch-on'),
  type('FileCreate', [11], 'file created', 'off'),
  type('RegistryEvent', [12, 13, 14], 'registry key or value changed', 'off'),
  type('FileCreateStreamHash', [15], 'alternate data stream created', 'off'),
  type('PipeEvent', [17, 18], 'named pipe created or connected', 'off'),
  type('WmiEvent', [19, 20, 21], 'WMI filter, consumer or binding', 'off'),
  type('DnsQuery', [22], 'DNS query', 'rules-switch-on'),
  type('FileDelete', [23], 'file delete archived', 'off'),
  type('ClipboardChange', [24], 'clipboard changed', 'off'),
  type('ProcessTampering', [25], 'process image tampering', 'off'),
  type('FileDeleteDetected', [26], 'file delete logged', 'off'),
  type('FileBlockExecutable', [27], 'executable file creation blocked', 'off'),
  type('FileBlockShredding', [28], 'file shredding blocked', 'off'),
  type('FileExecutableDetected', [29], 'executable file detected', 'off'),
];

/** Event IDs Sysmon always logs: no configuration can filter them. */
export const UNFILTERED_EVENT_IDS: ReadonlyMap<number, string> = new Map([
  [4, 'service state change'],
  [16, 'configuration change'],
  [255, 'error'],
]);

/** The event type whose element is `element` (exact spelling), or undefined. */
export function eventTypeByElement(element: string): SysmonEventType | undefined {
  return SYSMON_EVENT_TYPES.find((candidate) => candidate.element === element);
}

/** The event type covering `eventId`, or undefined when no configuration element filters it. */
export function eventTypeById(eventId: number): SysmonEventType | undefined {
  return SYSMON_EVENT_TYPES.find((candidate) => candidate.eventIds.includes(eventId));
}

/**
 * `whenAbsent`: 'logged' (Sysmon logs the type by default), 'off' (it does not), or
 * 'rules-switch-on' (off, and rules for the type switch collection on).
 */
function type(
  element: string,
  eventIds: readonly number[],
  title: string,
  whenAbsent: 'logged' | 'off' | 'rules-switch-on',
): SysmonEventType {
  return {
    element,
    eventIds,
    title,
    loggedWhenAbsent: whenAbsent === 'logged',
    switchedByRules: whenAbsent === 'rules-switch-on',
  };
}
