/**
 * Files where the count we must read differs from `records_by_evtxexport`, each with the reason.
 * Worked out by walking the files' chunks and records by hand (header magic, record size and its
 * trailing copy, chunk CRCs); neither reference tool is needed to check them.
 *
 * Not pinned, because evtxexport already agrees with a full chunk-slot scan: files whose header
 * `chunk_count` is stale (evtx-rs/sysmon.evtx says 1 chunk and holds 9; velociraptor/
 * RDPAuth_Security.evtx says 1 and holds 10; evtx-rs/system.evtx and Shell-Core likewise) and
 * files with bad chunk or header CRCs (evtx-rs/Application_no_crc32.evtx). libevtx reads every
 * chunk slot and the records of chunks whose data CRC fails, so its count stands there.
 *
 * evtx-rs/sample_with_a_bad_chunk_magic.evtx is no longer pinned: its 267 live records are
 * evtxexport's (which stops a chunk whose data CRC fails at its first damaged record). The
 * other 113 we read are flagged recovered and not counted: 31 behind a zeroed page of chunk 7
 * (ids 47675-47705, signature, size and size copy valid, but the chunk's CRC fails so nothing
 * vouches for them) and 15 + 67 behind the destroyed headers of slots 6 and 10. python-evtx's
 * 3 extra records (46741, 47640, 45933: bodies running into zeroed pages) are still refused.
 */

/** The count we must read from one file, and why it is not evtxexport's. */
export interface CountPin {
  /** Path under samples/evtx. */
  path: string;
  /** Exactly how many records we must read. */
  records: number;
  /** Where the number comes from. */
  source: 'evtxinfo' | 'chunk walk';
  /** Record ids a reference tool emitted that are not real records: we must not yield them. */
  notRecords?: readonly string[];
  /** Why, in words. */
  reason: string;
}

const EVTXEXPORT_ABORTED =
  'evtxexport aborted (rc=1) on a binary XML token it does not support, so its count stops ' +
  "early; evtxinfo's `Number of records` applies, and a chunk walk finds exactly that many " +
  'records with consistent headers and size copies.';

export const COUNT_PINS: readonly CountPin[] = [
  {
    path: 'evtx-rs/E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx',
    records: 340,
    source: 'evtxinfo',
    reason: `${EVTXEXPORT_ABORTED} It exported 24 of 340 before sub token type 0x49.`,
  },
  {
    path: 'evtx-rs/MSExchange_Management_wec.evtx',
    records: 1,
    source: 'evtxinfo',
    reason: `${EVTXEXPORT_ABORTED} It exported none (token type 0x05).`,
  },
  {
    path: 'evtx-to-mitre-attack/ID1116-1117-Defender_threat_detected.evtx',
    records: 6,
    source: 'evtxinfo',
    reason: `${EVTXEXPORT_ABORTED} It exported none (token type 0x05).`,
  },
  {
    path: 'evtx-to-mitre-attack/ID1149-RDP_success_logins_to_multiple_hosts.evtx',
    records: 11,
    source: 'evtxinfo',
    reason: `${EVTXEXPORT_ABORTED} It exported none (token type 0x05).`,
  },
];

/** Files that are not EVTX at all: opening may fail or yield nothing, but must not crash. */
export interface UnreadableFile {
  path: string;
  reason: string;
}

export const UNREADABLE_FILES: readonly UnreadableFile[] = [
  { path: 'hayabusa/test1.evtx', reason: 'a 0-byte file' },
  {
    path: 'soc-investigation-lab/sysmon.evtx',
    reason: 'a 414-byte XML text file named .evtx (no ElfFile magic)',
  },
];

/** The pin for `path`, if any. */
export function pinFor(path: string): CountPin | undefined {
  return COUNT_PINS.find((pin) => pin.path === path);
}

/** The unreadable-file entry for `path`, if any. */
export function unreadableFor(path: string): UnreadableFile | undefined {
  return UNREADABLE_FILES.find((file) => file.path === path);
}
