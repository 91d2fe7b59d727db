/**
 * The options of a Sysmon configuration: the elements directly under `<Sysmon>` other than
 * `<EventFiltering>`, such as `<HashAlgorithms>md5,sha256</HashAlgorithms>`, `<DnsLookup>`,
 * `<CheckRevocation/>` and `<ArchiveDirectory>`.
 */
import { type XmlElement, childElements, ownText } from './xml.js';

/** One option element as written. */
export interface SysmonOption {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

/** The options that matter when reading the events, and every option as written. */
export interface SysmonOptions {
  /** Hash algorithms named by `<HashAlgorithms>` (`*` means all). */
  readonly hashAlgorithms?: readonly string[];
  /**
   * Whether Sysmon resolves host names (`<DnsLookup>`); when false, DestinationHostname is
   * empty and hostname filters never see a name. Absent means Sysmon's default, which is on.
   */
  readonly dnsLookup?: boolean;
  /** Whether driver signatures are checked for revocation (`<CheckRevocation>`). */
  readonly checkRevocation?: boolean;
  /** Where FileDelete and ClipboardChange archive copies (`<ArchiveDirectory>`). */
  readonly archiveDirectory?: string;
  /** Every option element, in file order. */
  readonly all: readonly SysmonOption[];
}

/** Words that switch a valueless option such as `<CheckRevocation>` off, read without case. */
const OFF_WORDS: readonly string[] = ['false', '0', 'null', 'disabled'];

/** The options under a `<Sysmon>` root element. */
export function readOptions(root: XmlElement): SysmonOptions {
  const all = childElements(root)
    .filter((child) => child.name !== 'EventFiltering')
    .map((child) => ({ name: child.name, value: ownText(child).trim(), line: child.line }));
  const text = (name: string): string | undefined =>
    all.find((option) => option.name === name)?.value;

  const hashes = text('HashAlgorithms');
  const dnsLookup = text('DnsLookup');
  const revocation = text('CheckRevocation');
  const archive = text('ArchiveDirectory');
  return {
    ...(hashes === undefined ? {} : { hashAlgorithms: splitList(hashes) }),
    ...(dnsLookup === undefined ? {} : { dnsLookup: isOn(dnsLookup) }),
    ...(revocation === undefined ? {} : { checkRevocation: isOn(revocation) }),
    ...(archive === undefined ? {} : { archiveDirectory: archive }),
    all,
  };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** An empty option element means on; so does any value but the off words. */
function isOn(value: string): boolean {
  return !OFF_WORDS.includes(value.toLowerCase());
}
