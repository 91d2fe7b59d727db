/**
 * The lines `dump` writes for one record: terminal-safe XML from the record's tree, or in the
 * other formats (JSON, CSV, Timesketch, ECS) a line made from the structured record.
 */
import type { EvtxRecord, StructuredRecord } from '@evtxhunt/evtx';
import { RECOVERED_COMMENT } from '@evtxhunt/formats';
import type { QueryableRecord } from '@evtxhunt/hunt';

import { TERMINAL_UNSAFE } from './escape.js';
import type { DumpFormat, StructuredLine } from './export/dump-formats.js';
import { jsonText } from './json.js';

/** How `dump` writes records, and which. */
export interface DumpStyle {
  readonly format: DumpFormat;
  /** The line for a structured record, in every format but XML. */
  readonly line: StructuredLine;
  /** The `--query` filter; undefined keeps every record. */
  readonly matches: ((record: QueryableRecord) => boolean) | undefined;
}

/** The line for one record of `file`, or undefined when the query leaves it out. */
export function dumpLine(record: EvtxRecord, file: string, style: DumpStyle): string | undefined {
  const structured = record.toStructured();
  if (style.matches !== undefined && !style.matches({ ...structured, file })) return undefined;
  return style.format === 'xml' ? recordXmlLine(record) : style.line(structured, file);
}

/** The JSON line for one record: `file` (the path given) first, then the record's fields. */
export function recordJsonLine(file: string, record: StructuredRecord): string {
  const line = { file, ...record };
  line.file = file;
  return jsonText(line);
}

/**
 * Leads the XML of a recovered record (read from a destroyed chunk, past damage or from unused
 * space): Event XML has no place for the flag JSON carries, and a comment keeps it well-formed.
 */
export const RECOVERED_XML_COMMENT: string = RECOVERED_COMMENT;

/** The XML line for one record, with anything a terminal would act on shown escaped. */
export function recordXmlLine(
  record: Pick<EvtxRecord, 'toXml'> & { readonly recovered?: boolean },
): string {
  const xml = terminalSafeXml(record.toXml());
  return record.recovered === true ? RECOVERED_XML_COMMENT + xml : xml;
}

/**
 * What a terminal would act on (C1 controls, DEL, bidi overrides, separators), tabs and line
 * feeds become XML character references: safe on a terminal, one event per line, and unlike
 * `\n`-style escapes they keep the XML's meaning. The parser's XML holds no other C0 control;
 * should one arrive, it gets the parser's own `_xHHHH_` escape, since no reference to it is
 * well-formed XML 1.0.
 */
const TERMINAL_CONTROLS = new RegExp(`[\\u0000-\\u001f${TERMINAL_UNSAFE}]`, 'g');

export function terminalSafeXml(xml: string): string {
  return xml.replace(TERMINAL_CONTROLS, controlReference);
}

function controlReference(char: string): string {
  const code = char.charCodeAt(0);
  const hex = code.toString(16);
  const referable =
    code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0xfffe);
  return referable ? `&#x${hex};` : `_x${hex.toUpperCase().padStart(4, '0')}_`;
}
