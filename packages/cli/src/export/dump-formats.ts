/**
 * The formats `dump` writes and, for each, how one structured record becomes one line. The
 * export modules are imported only for the format asked for, so a worker thread of a JSON dump
 * does not load the hunt engine, where the ECS and Timesketch writers (shared with the web
 * app) and the CSV writer's neutralisation live.
 */
import type { StructuredRecord } from '@evtxhunt/evtx';

import { recordJsonLine } from '../record-lines.js';

/** Every `dump --format`. */
export const DUMP_FORMATS = ['jsonl', 'xml', 'csv', 'timesketch', 'ecs'] as const;

/** One `dump --format`. */
export type DumpFormat = (typeof DUMP_FORMATS)[number];

/** One record of `file` as one line, without its line feed. */
export type StructuredLine = (record: StructuredRecord, file: string) => string;

/** True when `text` names a dump format. */
export function isDumpFormat(text: string): text is DumpFormat {
  return (DUMP_FORMATS as readonly string[]).includes(text);
}

/** The line writer for structured records (XML is written from the record's tree instead). */
export async function structuredLineFor(format: DumpFormat): Promise<StructuredLine> {
  switch (format) {
    case 'csv':
      return (await import('./csv-records.js')).csvRecordLine;
    case 'timesketch':
      return (await import('@evtxhunt/hunt')).timesketchLine;
    case 'ecs':
      return (await import('@evtxhunt/hunt')).ecsRecordLine;
    default:
      return (record, file) => recordJsonLine(file, record);
  }
}

/** The lines a format writes once before the first record: a CSV's note and header. */
export async function preambleFor(format: DumpFormat): Promise<string[]> {
  return format === 'csv' ? (await import('./csv-records.js')).csvRecordPreamble() : [];
}
