/**
 * Records as CSV (`dump --format csv`). The columns are fixed before the first record so the
 * writer streams with flat memory and `--threads` workers can render rows on their own: every
 * System field in one fixed order, then the event's data (EventData or UserData) as one JSON
 * object in the last column, its fields in document order. A first pass to collect data field
 * names would need the whole input twice, and one column per name would differ from log to log.
 *
 * Every cell is event data an attacker wrote: control characters, escape sequences and bidi
 * overrides are shown as escapes (`\x1b`) as in the CLI's other text, and then every cell goes
 * through the hunt engine's formula neutralisation, as `pivot --csv` does. Lines end in CRLF.
 */
import type { StructuredRecord } from '@evtxhunt/evtx';
import { describeFormulaNeutralisation, neutraliseFormula, quoteCsvField } from '@evtxhunt/hunt';

import { escapeText } from '../escape.js';
import { jsonText } from '../json.js';
import { CSV_CONTROLS_NOTE } from '../pivot-csv.js';

/** One column: its header and how its cell is read from a record. */
interface RecordColumn {
  readonly header: string;
  readonly cell: (record: StructuredRecord, file: string) => string;
}

const text = (value: string | number | undefined): string =>
  value === undefined ? '' : String(value);

/** The columns, in output order. Times are ISO-8601 UTC, as the header says. */
const COLUMNS: readonly RecordColumn[] = [
  { header: 'file', cell: (_record, file) => file },
  { header: 'recordId', cell: (record) => record.recordId },
  { header: 'TimeCreated (UTC)', cell: (record) => text(record.timeCreated) },
  { header: 'eventId', cell: (record) => String(record.eventId) },
  { header: 'provider', cell: (record) => record.provider },
  { header: 'channel', cell: (record) => record.channel },
  { header: 'computer', cell: (record) => record.computer },
  { header: 'level', cell: (record) => text(record.level) },
  { header: 'task', cell: (record) => text(record.task) },
  { header: 'opcode', cell: (record) => text(record.opcode) },
  { header: 'keywords', cell: (record) => text(record.keywords) },
  { header: 'version', cell: (record) => text(record.version) },
  { header: 'qualifiers', cell: (record) => text(record.qualifiers) },
  { header: 'processId', cell: (record) => text(record.processId) },
  { header: 'threadId', cell: (record) => text(record.threadId) },
  { header: 'userId', cell: (record) => text(record.userId) },
  { header: 'providerGuid', cell: (record) => text(record.providerGuid) },
  { header: 'eventSourceName', cell: (record) => text(record.eventSourceName) },
  { header: 'activityId', cell: (record) => text(record.activityId) },
  { header: 'relatedActivityId', cell: (record) => text(record.relatedActivityId) },
  { header: 'headerRecordId', cell: (record) => record.headerRecordId },
  { header: 'WrittenTime (UTC)', cell: (record) => record.writtenTime },
  { header: 'recovered', cell: (record) => (record.recovered === true ? 'true' : '') },
  { header: 'issues', cell: (record) => (record.issues ?? []).join('; ') },
  { header: 'data (JSON)', cell: (record) => jsonText(record.data) },
];

/** The lines before the first record: the note on neutralisation, then the header. */
export function csvRecordPreamble(): string[] {
  const note = `# ${describeFormulaNeutralisation()} ${CSV_CONTROLS_NOTE}`;
  return [csvRecordCells([note]), csvRecordCells(COLUMNS.map((column) => column.header))];
}

/** One record as one CSV line, without its line ending's final line feed (the CR is in). */
export function csvRecordLine(record: StructuredRecord, file: string): string {
  return csvRecordCells(COLUMNS.map((column) => column.cell(record, file)));
}

/** Cells escaped, neutralised and quoted; the line ends in CR so a line feed makes CRLF. */
function csvRecordCells(cells: readonly string[]): string {
  const safe = cells.map((cell) => quoteCsvField(neutraliseFormula(escapeText(cell))));
  return `${safe.join(',')}\r`;
}
