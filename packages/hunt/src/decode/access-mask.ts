/**
 * Access masks: the rights a handle was asked for or granted (Security 4656 and 4663 AccessMask,
 * Sysmon 10 GrantedAccess). The low 16 bits mean something different for each kind of object,
 * so the object's type picks the table; the standard and generic rights above them are the same
 * for every object. From Microsoft's "Access mask format", "File access rights constants",
 * "Registry key security and access rights" and "Process security and access rights" pages,
 * and for directory-service objects (Security 4662 with ObjectServer DS) the ADS_RIGHTS_ENUM
 * names of "Active Directory access rights" (ADS_RIGHT_DS_WRITE_PROP written DS_WRITE_PROP).
 */
import { flagNames, type FlagName } from './flags.js';
import type { DecodedValue } from './model.js';
import { readCode } from './number.js';

/** Rights every kind of object shares: standard, system security and generic rights. */
const COMMON_RIGHTS: readonly FlagName[] = [
  { mask: 0x0001_0000, name: 'DELETE' },
  { mask: 0x0002_0000, name: 'READ_CONTROL' },
  { mask: 0x0004_0000, name: 'WRITE_DAC' },
  { mask: 0x0008_0000, name: 'WRITE_OWNER' },
  { mask: 0x0010_0000, name: 'SYNCHRONIZE' },
  { mask: 0x0100_0000, name: 'ACCESS_SYSTEM_SECURITY' },
  { mask: 0x0200_0000, name: 'MAXIMUM_ALLOWED' },
  { mask: 0x1000_0000, name: 'GENERIC_ALL' },
  { mask: 0x2000_0000, name: 'GENERIC_EXECUTE' },
  { mask: 0x4000_0000, name: 'GENERIC_WRITE' },
  { mask: 0x8000_0000, name: 'GENERIC_READ' },
];

/** Process rights, all-access first so a full mask reads as one name. */
export const PROCESS_RIGHTS: readonly FlagName[] = [
  { mask: 0x001f_ffff, name: 'PROCESS_ALL_ACCESS' },
  { mask: 0x0001, name: 'PROCESS_TERMINATE' },
  { mask: 0x0002, name: 'PROCESS_CREATE_THREAD' },
  { mask: 0x0004, name: 'PROCESS_SET_SESSIONID' },
  { mask: 0x0008, name: 'PROCESS_VM_OPERATION' },
  { mask: 0x0010, name: 'PROCESS_VM_READ' },
  { mask: 0x0020, name: 'PROCESS_VM_WRITE' },
  { mask: 0x0040, name: 'PROCESS_DUP_HANDLE' },
  { mask: 0x0080, name: 'PROCESS_CREATE_PROCESS' },
  { mask: 0x0100, name: 'PROCESS_SET_QUOTA' },
  { mask: 0x0200, name: 'PROCESS_SET_INFORMATION' },
  { mask: 0x0400, name: 'PROCESS_QUERY_INFORMATION' },
  { mask: 0x0800, name: 'PROCESS_SUSPEND_RESUME' },
  { mask: 0x1000, name: 'PROCESS_QUERY_LIMITED_INFORMATION' },
  { mask: 0x2000, name: 'PROCESS_SET_LIMITED_INFORMATION' },
  ...COMMON_RIGHTS,
];

/** File and directory rights (the directory meaning after the slash). */
export const FILE_RIGHTS: readonly FlagName[] = [
  { mask: 0x0001, name: 'ReadData/ListDirectory' },
  { mask: 0x0002, name: 'WriteData/AddFile' },
  { mask: 0x0004, name: 'AppendData/AddSubdirectory' },
  { mask: 0x0008, name: 'ReadEA' },
  { mask: 0x0010, name: 'WriteEA' },
  { mask: 0x0020, name: 'Execute/Traverse' },
  { mask: 0x0040, name: 'DeleteChild' },
  { mask: 0x0080, name: 'ReadAttributes' },
  { mask: 0x0100, name: 'WriteAttributes' },
  ...COMMON_RIGHTS,
];

/** Registry key rights. */
export const KEY_RIGHTS: readonly FlagName[] = [
  { mask: 0x0001, name: 'KEY_QUERY_VALUE' },
  { mask: 0x0002, name: 'KEY_SET_VALUE' },
  { mask: 0x0004, name: 'KEY_CREATE_SUB_KEY' },
  { mask: 0x0008, name: 'KEY_ENUMERATE_SUB_KEYS' },
  { mask: 0x0010, name: 'KEY_NOTIFY' },
  { mask: 0x0020, name: 'KEY_CREATE_LINK' },
  { mask: 0x0100, name: 'KEY_WOW64_64KEY' },
  { mask: 0x0200, name: 'KEY_WOW64_32KEY' },
  ...COMMON_RIGHTS,
];

/** Rights on an Active Directory object, with the words Windows shows in a 4662 event. */
export const DS_RIGHTS: readonly FlagName[] = [
  { mask: 0x0001, name: 'DS_CREATE_CHILD (Create Child)' },
  { mask: 0x0002, name: 'DS_DELETE_CHILD (Delete Child)' },
  { mask: 0x0004, name: 'ACTRL_DS_LIST (List Contents)' },
  { mask: 0x0008, name: 'DS_SELF (validated write)' },
  { mask: 0x0010, name: 'DS_READ_PROP (Read Property)' },
  { mask: 0x0020, name: 'DS_WRITE_PROP (Write Property)' },
  { mask: 0x0040, name: 'DS_DELETE_TREE (Delete Tree)' },
  { mask: 0x0080, name: 'DS_LIST_OBJECT (List Object)' },
  { mask: 0x0100, name: 'DS_CONTROL_ACCESS (Control Access: an extended right)' },
  ...COMMON_RIGHTS,
];

/** The object type that stands for every directory-service object (see decodeField). */
export const DS_OBJECT = 'DS';

const BY_OBJECT_TYPE: ReadonlyMap<string, readonly FlagName[]> = new Map([
  ['process', PROCESS_RIGHTS],
  ['file', FILE_RIGHTS],
  ['key', KEY_RIGHTS],
  [DS_OBJECT.toLowerCase(), DS_RIGHTS],
]);

/**
 * The rights in an access mask, read with the table of `objectType` (`Process`, `File`, `Key`, `DS`
 * for a directory-service object, any case); for other objects only the shared rights are named and
 * the low bits given in hex.
 */
export function decodeAccessMask(value: string, objectType?: string): DecodedValue | undefined {
  const code = readCode(value);
  if (code === undefined) return undefined;
  const table = BY_OBJECT_TYPE.get(objectType?.trim().toLowerCase() ?? '') ?? COMMON_RIGHTS;
  return flagNames(code, table, 'no rights');
}

/** The process rights in a Sysmon 10 GrantedAccess value. */
export function decodeProcessAccess(value: string): DecodedValue | undefined {
  return decodeAccessMask(value, 'Process');
}
