/**
 * The count rules of the corpus test, as pure functions of the references and what we read:
 *
 * - we read at least the reference count: evtxexport's, or evtxinfo's where evtxexport aborted;
 * - a pinned file must give exactly the pinned count, and none of its `notRecords`;
 * - on clean files (no note about damage) our Event ID histogram equals evtxexport's; on other
 *   files with a complete evtxexport run it holds at least evtxexport's count of every Event ID;
 * - every record DISAGREEMENTS.tsv lists as `only_in_evtxexport` is read, with its Event ID;
 * - our smallest and largest EventRecordID and TimeCreated equal evtxexport's (`record_id_min`
 *   ... `time_max_utc`) on files it read completely and we were not pinned on;
 * - every record's XML is well-formed;
 * - files that are not EVTX at all may fail to open, but must not throw while reading.
 */
import { isClean } from './inventory.js';
import type { DisagreementRow, InventoryRow } from './inventory.js';
import type { CountPin, UnreadableFile } from './pins.js';
import type { ReadingRanges } from './reader.js';
import { formatHistogram } from './tsv.js';

/** The counts and ids the rules look at; a subset of `FileReading`. */
export interface CountedFile {
  records: number;
  eventIds: ReadonlyMap<number, number>;
  /** Event ID by the EventRecordID our XML renders. */
  eventIdById: ReadonlyMap<string, number>;
  /** Record header ids. */
  headerIds: ReadonlySet<string>;
  openError?: string;
  readError?: string;
  recordErrors: readonly string[];
  malformedXml: readonly string[];
  ranges: ReadingRanges;
}

/** Everything known in advance about one file. */
export interface FileExpectation {
  row: InventoryRow;
  pin: CountPin | undefined;
  unreadable: UnreadableFile | undefined;
  /** This file's DISAGREEMENTS.tsv rows. */
  disagreements: readonly DisagreementRow[];
}

/** The number of records we must read at least (or exactly, when pinned). */
export function referenceCount({ row, pin }: Pick<FileExpectation, 'row' | 'pin'>): number {
  if (pin !== undefined) return pin.records;
  if (row.evtxexportAborted && row.evtxinfoRecords !== undefined) return row.evtxinfoRecords;
  return row.recordsByEvtxexport;
}

function histogramProblems(expectation: FileExpectation, ours: CountedFile): string[] {
  const { row, pin } = expectation;
  if (row.evtxexportAborted) return [];

  const theirs = formatHistogram(row.eventIds);
  const mine = formatHistogram(ours.eventIds);
  if (isClean(row) && pin === undefined) {
    return theirs === mine ? [] : [`Event IDs: evtxexport ${theirs || '(none)'}, ours ${mine}`];
  }

  const short = [...row.eventIds].filter(([id, n]) => (ours.eventIds.get(id) ?? 0) < n);
  if (short.length === 0) return [];
  const list = short.map(([id, n]) => `${id}: ${ours.eventIds.get(id) ?? 0} < ${n}`).join(', ');
  return [`Event IDs below evtxexport's (${list}); evtxexport ${theirs}, ours ${mine}`];
}

function countProblems(expectation: FileExpectation, ours: CountedFile): string[] {
  const { pin } = expectation;
  const reference = referenceCount(expectation);
  if (pin !== undefined) {
    const stray = (pin.notRecords ?? []).filter(
      (id) => ours.eventIdById.has(id) || ours.headerIds.has(id),
    );
    return [
      ...(ours.records === pin.records
        ? []
        : [`records: pinned ${pin.records}, ours ${ours.records}`]),
      ...(stray.length === 0
        ? []
        : [`read records the pin says are not real: ${stray.join(', ')}`]),
    ];
  }
  return ours.records >= reference ? [] : [`records: reference ${reference}, ours ${ours.records}`];
}

function onlyInEvtxexportProblems(expectation: FileExpectation, ours: CountedFile): string[] {
  return expectation.disagreements
    .filter((row) => row.kind === 'only_in_evtxexport' && row.recordId !== '')
    .flatMap((row) => {
      const eventId = ours.eventIdById.get(row.recordId);
      if (eventId === undefined) return [`record ${row.recordId} (evtxexport read it) is missing`];
      if (row.eventId !== undefined && eventId !== row.eventId) {
        return [`record ${row.recordId}: Event ID evtxexport ${row.eventId}, ours ${eventId}`];
      }
      return [];
    });
}

function rangeProblems({ row, pin }: FileExpectation, ours: CountedFile): string[] {
  if (pin !== undefined || row.evtxexportAborted || row.recordsByEvtxexport === 0) return [];
  const { recordIdMin, recordIdMax, timeMin, timeMax } = ours.ranges;
  const pairs: [string, string, string | undefined][] = [
    ['smallest EventRecordID', row.recordIdMin, recordIdMin?.toString()],
    ['largest EventRecordID', row.recordIdMax, recordIdMax?.toString()],
    ['earliest TimeCreated', row.timeMinUtc, timeMin],
    ['latest TimeCreated', row.timeMaxUtc, timeMax],
  ];
  return pairs
    .filter(([, theirs, mine]) => theirs !== '' && theirs !== mine)
    .map(([what, theirs, mine]) => `${what}: evtxexport ${theirs}, ours ${mine ?? '(none)'}`);
}

/** Every way `ours` breaks the count rules for one file; empty when it passes. */
export function countProblemsFor(expectation: FileExpectation, ours: CountedFile): string[] {
  const crashes = [
    ...(ours.readError === undefined ? [] : [`reading threw ${ours.readError}`]),
    ...(ours.openError === undefined || expectation.unreadable !== undefined
      ? []
      : [`open threw ${ours.openError}`]),
    ...ours.recordErrors.map((error) => `rendering threw for ${error}`),
    ...ours.malformedXml.map((problem) => `XML not well-formed: ${problem}`),
  ];
  if (expectation.unreadable !== undefined) {
    const extra = ours.records === 0 ? [] : [`read ${ours.records} records from a non-EVTX file`];
    return [...crashes, ...extra];
  }
  return [
    ...crashes,
    ...countProblems(expectation, ours),
    ...histogramProblems(expectation, ours),
    ...onlyInEvtxexportProblems(expectation, ours),
    ...rangeProblems(expectation, ours),
  ];
}

/** One assertion message for a file's problems, capped at `limit` lines. */
export function problemReport(path: string, problems: readonly string[], limit = 20): string {
  const shown = problems.slice(0, limit).map((problem) => `  - ${problem}`);
  const more = problems.length > limit ? [`  ... and ${problems.length - limit} more`] : [];
  return [`${path}: ${problems.length} problem(s)`, ...shown, ...more].join('\n');
}
