/**
 * Windows event logs exported by other tools, read into the same records as the EVTX parser
 * gives: Event Viewer and wevtutil XML; evtx_dump, Chainsaw, Velociraptor, Winlogbeat, NXLog
 * and Sentinel JSON; EvtxECmd CSV; any of them gzipped or in a zip archive (zip64 too), EVTX
 * members handed to the caller's parser. Browser-safe: no Node imports here.
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
  RenderedNames,
} from './types.js';
export { recordXml } from './xml/render.js';
export { RECOVERED_COMMENT } from './xml/xml-events.js';
export {
  MAX_ZIP_DIRECTORY,
  MAX_ZIP_ENTRIES,
  webInflateRaw,
  zipEntries,
  zipEntryBytes,
  type InflateRaw,
  type RandomAccess,
  type ZipEntry,
} from './zip.js';
export {
  readZipRecordBatches,
  sniffZipMembers,
  type EvtxMemberReader,
  type SniffedMember,
  type ZipReadOptions,
} from './zip-records.js';
export { collectBytes, type CollectLimit } from './collect.js';
export { untilBroken, type BreakReport } from './broken-stream.js';
export { openedRecordBatches } from './read.js';
