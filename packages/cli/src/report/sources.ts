/**
 * The words both report renderers use for the input files: one line saying every file was read
 * whole, or a warning that findings may be missing, followed by each file that lost something.
 */
import type { HuntReport, SourceStatus } from './hunt-types.js';
import { plural } from './format.js';

/** The files that lost records or could not be read at all. */
export function lossySources(report: HuntReport): readonly SourceStatus[] {
  return (report.sources ?? []).filter((source) => source.status !== 'read');
}

/** The files read to the last record whose chunks were damaged (a CRC mismatch, say). */
export function damagedSources(report: HuntReport): readonly SourceStatus[] {
  return (report.sources ?? []).filter(
    (source) => source.status === 'read' && source.chunksDamaged > 0,
  );
}

/**
 * `3 files read whole, nothing lost.`, `... but chunks were damaged in 1 of them ...` or
 * `Data was lost in 1 of 3 files: findings may be missing.`
 */
export function sourcesHeadline(report: HuntReport): string {
  const all = report.sources ?? [];
  const lossy = lossySources(report);
  const damaged = damagedSources(report);
  if (lossy.length === 0 && damaged.length > 0)
    return (
      `${plural(all.length, 'file')} read, no record lost, but chunks were damaged in ` +
      `${damaged.length} of them: their records were read, yet what they hold may be altered.`
    );
  if (lossy.length === 0) return `${plural(all.length, 'file')} read whole, nothing lost.`;
  return (
    `Data was lost in ${lossy.length} of ${plural(all.length, 'file')}: findings that depend on ` +
    `the lost records are missing from this report.`
  );
}

/** `12 records could not be read, 74 are missing with wiped chunks, 1 chunk damaged`. */
export function sourceLossText(source: SourceStatus): string {
  if (source.status === 'unreadable') return 'nothing could be read';
  const read = `${plural(source.recordsRead, 'record')} read${recoveredSourceText(source)}`;
  if (source.status === 'read') {
    const damaged = `${plural(source.chunksDamaged, 'chunk')} damaged (records still read)`;
    return `${read}; ${damaged}`;
  }

  const parts = [
    source.recordsFailed > 0 ? `${plural(source.recordsFailed, 'record')} could not be read` : '',
    source.recordsMissing > 0 ? `${plural(source.recordsMissing, 'record')} missing` : '',
    source.chunksUnreadable > 0
      ? `${plural(source.chunksUnreadable, 'chunk slot')} unreadable`
      : '',
    source.chunksDamaged > 0 ? `${plural(source.chunksDamaged, 'chunk')} damaged` : '',
  ].filter((part) => part !== '');
  const lost = parts.length === 0 ? 'part of the file could not be read' : parts.join(', ');
  return `${read}; ${lost}`;
}

/** ` and 3 recovered (flagged in the evidence)` when the file gave recovered records. */
function recoveredSourceText(source: SourceStatus): string {
  const recovered = source.recordsRecovered;
  return recovered > 0 ? ` and ${recovered} recovered (flagged in the evidence)` : '';
}

/** The problems shown for a file, and a line counting the rest. */
export function sourceProblems(source: SourceStatus): readonly string[] {
  const more = source.problemCount - source.problems.length;
  return more > 0 ? [...source.problems, `and ${plural(more, 'more problem')}`] : source.problems;
}

/** `, 3 duplicates skipped` when the same records were read more than once, else nothing. */
export function duplicatesText(report: HuntReport): string {
  const duplicates = report.input.duplicates;
  return duplicates > 0 ? `, ${plural(duplicates, 'duplicate')} skipped` : '';
}

/** `, 4 of them recovered` when recovered records were read, else nothing. */
export function recoveredInputText(report: HuntReport): string {
  const recovered = report.input.recovered;
  return recovered > 0 ? `, ${recovered} of them recovered` : '';
}
