/**
 * Well-known security identifiers (SIDs): the accounts and groups every Windows computer or
 * domain has, from Microsoft's "Well-known SIDs" page. A domain account's SID ends in a relative
 * ID (RID) that names the built-in ones (500 Administrator, 512 Domain Admins, ...); a mandatory
 * label (S-1-16-*) is an integrity level.
 */
import { decodeMandatoryLabel } from './integrity.js';
import { decodedText, type DecodedValue } from './model.js';

/** SIDs the same on every computer. */
export const WELL_KNOWN_SIDS: ReadonlyMap<string, string> = new Map([
  ['S-1-0-0', 'Nobody'],
  ['S-1-1-0', 'Everyone'],
  ['S-1-2-0', 'Local (users logged on at the console)'],
  ['S-1-3-0', 'Creator Owner'],
  ['S-1-3-1', 'Creator Group'],
  ['S-1-5-1', 'Dialup'],
  ['S-1-5-2', 'Network (users logged on over the network)'],
  ['S-1-5-3', 'Batch'],
  ['S-1-5-4', 'Interactive'],
  ['S-1-5-6', 'Service'],
  ['S-1-5-7', 'Anonymous Logon'],
  ['S-1-5-9', 'Enterprise Domain Controllers'],
  ['S-1-5-10', 'Principal Self'],
  ['S-1-5-11', 'Authenticated Users'],
  ['S-1-5-12', 'Restricted Code'],
  ['S-1-5-13', 'Terminal Server Users'],
  ['S-1-5-14', 'Remote Interactive Logon'],
  ['S-1-5-15', 'This Organization'],
  ['S-1-5-17', 'IUSR (Internet Information Services)'],
  ['S-1-5-18', 'Local System (SYSTEM)'],
  ['S-1-5-19', 'Local Service'],
  ['S-1-5-20', 'Network Service'],
  ['S-1-5-32-544', 'Administrators (built-in group)'],
  ['S-1-5-32-545', 'Users (built-in group)'],
  ['S-1-5-32-546', 'Guests (built-in group)'],
  ['S-1-5-32-547', 'Power Users (built-in group)'],
  ['S-1-5-32-548', 'Account Operators (built-in group)'],
  ['S-1-5-32-549', 'Server Operators (built-in group)'],
  ['S-1-5-32-550', 'Print Operators (built-in group)'],
  ['S-1-5-32-551', 'Backup Operators (built-in group)'],
  ['S-1-5-32-552', 'Replicators (built-in group)'],
  ['S-1-5-32-555', 'Remote Desktop Users (built-in group)'],
  ['S-1-5-32-562', 'Distributed COM Users (built-in group)'],
  ['S-1-5-32-578', 'Hyper-V Administrators (built-in group)'],
  ['S-1-5-32-580', 'Remote Management Users (built-in group)'],
  ['S-1-5-64-10', 'NTLM Authentication'],
  ['S-1-5-64-14', 'SChannel Authentication'],
  ['S-1-5-64-21', 'Digest Authentication'],
  ['S-1-5-80-0', 'All Services'],
  ['S-1-5-113', 'Local account'],
  ['S-1-5-114', 'Local account and member of Administrators'],
]);

/** RIDs of the built-in accounts and groups of a domain (S-1-5-21-<domain>-RID). */
export const DOMAIN_RIDS: ReadonlyMap<number, string> = new Map([
  [500, 'Administrator (built-in account)'],
  [501, 'Guest (built-in account)'],
  [502, 'krbtgt (Kerberos ticket-granting account)'],
  [512, 'Domain Admins'],
  [513, 'Domain Users'],
  [514, 'Domain Guests'],
  [515, 'Domain Computers'],
  [516, 'Domain Controllers'],
  [517, 'Cert Publishers'],
  [518, 'Schema Admins'],
  [519, 'Enterprise Admins'],
  [520, 'Group Policy Creator Owners'],
  [521, 'Read-only Domain Controllers'],
  [525, 'Protected Users'],
  [526, 'Key Admins'],
  [527, 'Enterprise Key Admins'],
  [553, 'RAS and IAS Servers'],
]);

const DOMAIN_SID = /^S-1-5-21-[0-9]{1,10}-[0-9]{1,10}-[0-9]{1,10}-([0-9]{1,10})$/i;
const SERVICE_SID = /^S-1-5-80-[0-9]{1,10}(-[0-9]{1,10}){4}$/i;

/** Who a well-known SID stands for, or undefined for any other SID or text. */
export function decodeSid(value: string): DecodedValue | undefined {
  const sid = value.trim().toUpperCase();
  const known = WELL_KNOWN_SIDS.get(sid);
  if (known !== undefined) return decodedText(known);

  const domain = DOMAIN_SID.exec(sid);
  const rid = domain === null ? undefined : DOMAIN_RIDS.get(Number(domain[1]));
  if (rid !== undefined) return decodedText(`${rid}, in its domain or on its computer`);
  if (SERVICE_SID.test(sid)) return decodedText("A service's own SID (NT SERVICE\\<name>)");
  return decodeMandatoryLabel(sid);
}
