/**
 * The records of every log export inside a zip archive, member after member, each member told
 * by its content as a file would be. Members that are no export are reported and passed over.
 */
import { openedRecordBatches, openInput, type ReadOptions } from './read.js';
import { FormatError } from './errors.js';
import type { ImportedRecord } from './types.js';
import { zipEntries, zipEntryBytes, type InflateRaw, type RandomAccess } from './zip.js';

/** Every record of every export member of the archive, in batches. */
export async function* readZipRecordBatches(
  source: RandomAccess,
  inflateRaw: InflateRaw,
  options: ReadOptions = {},
): AsyncGenerator<ImportedRecord[]> {
  const name = options.file ?? 'archive';
  const report = options.onDiagnostic ?? (() => undefined);
  for (const entry of await zipEntries(source, name)) {
    const member = `${name}:${entry.name}`;
    const skip = (reason: string) => {
      const message = `member ${JSON.stringify(entry.name)} skipped: ${reason}`;
      report({
        severity: 'warning',
        structure: 'zip member',
        offset: entry.localHeaderOffset,
        message,
      });
    };
    try {
      const bytes = zipEntryBytes(source, entry, inflateRaw, name);
      const input = await openInput(bytes, { ...options, file: member });
      // TODO: an EVTX member is not read: the parser needs it whole, and it is not unpacked.
      if (input.format === 'evtx' || input.format === 'zip') {
        skip(
          `${input.format === 'evtx' ? 'EVTX' : 'a zip'} inside a zip is not read yet; unpack it`,
        );
        continue;
      }
      yield* openedRecordBatches(input, { ...options, file: member });
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      skip(error.detail);
    }
  }
}
