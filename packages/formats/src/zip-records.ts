/**
 * The records of every log inside a zip archive, member after member, each member told by its
 * content as a file would be: exports are read here, EVTX members by the reader the caller
 * gives (the parser needs the member whole, unpacked), and members of no known format are
 * reported and passed over.
 */
import { untilBroken } from './broken-stream.js';
import { openedRecordBatches, openInput, type ReadOptions } from './read.js';
import { FormatError } from './errors.js';
import type { ByteChunks, FormatDiagnostic, ImportedRecord, InputFormat } from './types.js';
import {
  zipEntries,
  zipEntryBytes,
  type InflateRaw,
  type RandomAccess,
  type ZipEntry,
} from './zip.js';

/** Reads an EVTX member, given its unpacked bytes and its name (`archive.zip:member.evtx`). */
export type EvtxMemberReader = (
  bytes: ByteChunks,
  member: string,
  entry: ZipEntry,
) => AsyncIterable<ImportedRecord[]>;

/** How an archive is read. */
export interface ZipReadOptions extends ReadOptions {
  /** Reads EVTX members; without it each is reported and passed over. */
  readonly readEvtx?: EvtxMemberReader;
}

/** Every record of every log member of the archive, in batches. */
export async function* readZipRecordBatches(
  source: RandomAccess,
  inflateRaw: InflateRaw,
  options: ZipReadOptions = {},
): AsyncGenerator<ImportedRecord[]> {
  const name = options.file ?? 'archive';
  const report = options.onDiagnostic ?? (() => undefined);
  for (const entry of await zipEntries(source, name)) {
    const member = `${name}:${entry.name}`;
    try {
      const structure = `zip member ${JSON.stringify(entry.name)}`;
      const packed = zipEntryBytes(source, entry, inflateRaw, name);
      const bytes = untilBroken(packed, { structure, report });
      const input = await openInput(bytes, { ...options, file: member });
      // A log left unread is lost: an error; a member that is no log is only a warning.
      if (input.format === 'zip') report(skipped(entry, 'a zip inside a zip is not read', 'error'));
      else if (input.format !== 'evtx')
        yield* openedRecordBatches(input, { ...options, file: member });
      else if (options.readEvtx !== undefined) yield* options.readEvtx(input.chunks, member, entry);
      else report(skipped(entry, 'EVTX members are not read here', 'error'));
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      report(skipped(entry, error.detail));
    }
  }
}

/** A member of an archive, with the format its content has (undefined: none known). */
export interface SniffedMember {
  readonly entry: ZipEntry;
  readonly format: InputFormat | undefined;
  /** True when the member is gzipped and `format` is what is inside. */
  readonly gzipped: boolean;
}

/** Every member of the archive with its format, from the first bytes of each. */
export async function sniffZipMembers(
  source: RandomAccess,
  inflateRaw: InflateRaw,
  options: ReadOptions = {},
): Promise<SniffedMember[]> {
  const name = options.file ?? 'archive';
  const members: SniffedMember[] = [];
  for (const entry of await zipEntries(source, name)) {
    const bytes = zipEntryBytes(source, entry, inflateRaw, name);
    try {
      const input = await openInput(bytes, { ...options, file: `${name}:${entry.name}` });
      members.push({ entry, format: input.format, gzipped: input.gzipped });
      await input.chunks[Symbol.asyncIterator]().return?.();
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      members.push({ entry, format: undefined, gzipped: false });
    }
  }
  return members;
}

function skipped(
  entry: ZipEntry,
  reason: string,
  severity: FormatDiagnostic['severity'] = 'warning',
): FormatDiagnostic {
  return {
    severity,
    structure: 'zip member',
    offset: entry.localHeaderOffset,
    message: `member ${JSON.stringify(entry.name)} skipped: ${reason}`,
  };
}
