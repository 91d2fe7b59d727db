/** Reads one corpus file with our parser, keeping only what the corpus checks compare. */
import { EvtxFile } from '../../src/index.js';
import type { EvtxRecord, StructuredRecord } from '../../src/index.js';
import { openFileSource } from '../../src/node.js';
import { findAll, parseXml } from './xml.js';

/** What we made of one file. */
export interface FileReading {
  /** Live records the iterator yielded. */
  records: number;
  /**
   * Records it yielded flagged recovered (found by signature, no chunk header vouches for
   * them): rendered and checked like the others, but kept out of every count and range.
   */
  recovered: number;
  /** `summary.records.failed`: records found but not readable. */
  failed: number;
  /** Every diagnostic of the summary, as `severity structure: message`. */
  diagnostics: string[];
  eventIds: Map<number, number>;
  /** Event ID by EventRecordID (see `eventRecordId`; the last one, if an id repeats). */
  eventIdById: Map<string, number>;
  /** The record header ids read. */
  headerIds: Set<string>;
  /** Smallest and largest EventRecordID and TimeCreated we rendered, as text. */
  ranges: ReadingRanges;
  /** Records whose XML our own tokenizer cannot parse, with the reason. */
  malformedXml: string[];
  /** Set when `EvtxFile.open` threw. */
  openError?: string;
  /** Set when iterating the records threw. */
  readError?: string;
  /** Records whose rendering threw, with the message. */
  recordErrors: string[];
  /** `toXml()` by EventRecordID, when asked for. */
  xml: Map<string, string>;
  /** `toStructured()` by EventRecordID, when asked for. */
  structured: Map<string, StructuredRecord>;
}

/** Extremes over a file's records; undefined until a record has the value. */
export interface ReadingRanges {
  recordIdMin?: bigint;
  recordIdMax?: bigint;
  timeMin?: string;
  timeMax?: string;
}

/** Which renderings to keep beyond the counts. */
export interface ReadOptions {
  keepXml?: boolean;
  keepStructured?: boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Reads `path` to the end; parser exceptions are caught and returned, never thrown. */
export async function readCorpusFile(
  path: string,
  options: ReadOptions = {},
): Promise<FileReading> {
  const reading: FileReading = {
    records: 0,
    recovered: 0,
    failed: 0,
    diagnostics: [],
    eventIds: new Map(),
    eventIdById: new Map(),
    headerIds: new Set(),
    ranges: {},
    malformedXml: [],
    recordErrors: [],
    xml: new Map(),
    structured: new Map(),
  };

  const source = await openFileSource(path);
  try {
    const file = await EvtxFile.open(source).catch((error: unknown) => {
      reading.openError = message(error);
      return undefined;
    });
    if (file === undefined) return reading;

    try {
      for await (const record of file.records()) readRecord(record, reading, options);
    } catch (error) {
      reading.readError = message(error);
    }
    reading.failed = file.summary.records.failed;
    reading.diagnostics = file.summary.diagnostics.map(
      (d) => `${d.severity} ${d.structure}: ${d.message}`,
    );
    return reading;
  } finally {
    await source.close();
  }
}

/**
 * `System/EventRecordID` as our XML renders it, else the record header's id. The two differ in
 * exported logs (sysmonresources/1._HTTP_empirec2.evtx: header ids 1-13, EventRecordID
 * 125267-125279), and the references key records by the rendered one.
 */
function eventRecordId(xml: string, headerId: string): string {
  return /<EventRecordID>(\d+)<\/EventRecordID>/.exec(xml)?.[1] ?? headerId;
}

function readRecord(record: EvtxRecord, reading: FileReading, options: ReadOptions): void {
  if (record.recovered) {
    readRecovered(record, reading);
    return;
  }
  reading.records += 1;
  const headerId = record.recordId.toString();
  reading.headerIds.add(headerId);
  try {
    const xml = record.toXml();
    const id = eventRecordId(xml, headerId);
    const structured = record.toStructured();
    widen(reading.ranges, BigInt(id), structured.timeCreated);
    checkWellFormed(xml, id, reading);
    reading.eventIds.set(structured.eventId, (reading.eventIds.get(structured.eventId) ?? 0) + 1);
    reading.eventIdById.set(id, structured.eventId);
    if (options.keepStructured === true) reading.structured.set(id, structured);
    if (options.keepXml === true) reading.xml.set(id, xml);
  } catch (error) {
    reading.recordErrors.push(`record ${headerId}: ${message(error)}`);
  }
}

function readRecovered(record: EvtxRecord, reading: FileReading): void {
  reading.recovered += 1;
  try {
    checkWellFormed(record.toXml(), `recovered ${record.recordId}`, reading);
    record.toStructured();
  } catch (error) {
    reading.recordErrors.push(`recovered record ${record.recordId}: ${message(error)}`);
  }
}

function widen(ranges: ReadingRanges, id: bigint, time: string | undefined): void {
  if (ranges.recordIdMin === undefined || id < ranges.recordIdMin) ranges.recordIdMin = id;
  if (ranges.recordIdMax === undefined || id > ranges.recordIdMax) ranges.recordIdMax = id;
  if (time === undefined) return;
  if (ranges.timeMin === undefined || time < ranges.timeMin) ranges.timeMin = time;
  if (ranges.timeMax === undefined || time > ranges.timeMax) ranges.timeMax = time;
}

/** Our XML must be one well-formed `Event` element: escaping bugs show up here first. */
function checkWellFormed(xml: string, id: string, reading: FileReading): void {
  try {
    const nodes = parseXml(xml);
    if (nodes.length !== 1 || findAll(nodes, 'Event').length !== 1) {
      reading.malformedXml.push(`record ${id}: not exactly one <Event> element`);
    }
  } catch (error) {
    reading.malformedXml.push(`record ${id}: ${message(error)}`);
  }
}
