/**
 * Windows event logs exported by other tools, read into the same records as the EVTX parser
 * gives: Event Viewer and wevtutil XML; evtx_dump, Chainsaw, Velociraptor, Winlogbeat, NXLog
 * and Sentinel JSON; EvtxECmd CSV; any of them gzipped. Browser-safe: no Node imports here.
 */
export { FormatError } from './errors.js';
export {
  openInput,
  peek,
  readRecordBatches,
  textRecords,
  type OpenedInput,
  type ReadOptions,
} from './read.js';
export { sniffFormat, SNIFF_BYTES } from './sniff.js';
export { utcTime } from './time.js';
export { webGunzip } from './gunzip-web.js';
export { parseJson, type JsonValue } from './json/json-parse.js';
export type {
  ByteChunks,
  FieldValue,
  FormatDiagnostic,
  Gunzip,
  ImportedRecord,
  InputFormat,
} from './types.js';
export { recordXml } from './xml/render.js';
export {
  webInflateRaw,
  zipEntries,
  zipEntryBytes,
  type InflateRaw,
  type RandomAccess,
  type ZipEntry,
} from './zip.js';
export { readZipRecordBatches } from './zip-records.js';
export { openedRecordBatches } from './read.js';
