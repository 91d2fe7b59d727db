/** @evtxhunt/evtx: a zero-dependency EVTX parser on `Uint8Array`, for Node and browsers. */
export { EvtxFile, type EvtxFileOptions, type FileSummary } from './evtx-file.js';
export type { SlotAccountant } from './slot-accountant.js';
// The halves of a parallel read for threads other than Node's (the workbench's Web Workers):
// slots parsed anywhere, accounted for in slot order through `EvtxFile.beginPass()`.
export {
  checkSlotsPerRead,
  keptRecovered,
  liveRecords,
  parseSlot,
  readRecoveredSlot,
  readRun,
  slotCount,
  slotOffset,
  SLOTS_PER_TASK,
  type ParsedSlot,
  type RecordIds,
  type SlotReport,
} from './slots.js';
export type { RecoveredToRead } from './recover/duplicates.js';
export type { SlotKeys } from './recover/record-keys.js';
export { failedSlot } from './parallel/slot-failure.js';
export { warmBefore, warmTemplates, type FileTemplates } from './recover/warm-templates.js';
export type { LateReport } from './recover/late-records.js';
export { TemplateCache } from './binxml/template-cache.js';
export { CHUNK_SIZE, hasChunkSignature } from './chunk-header.js';
export type { EvtxRecord } from './record.js';
export {
  compileFieldPick,
  FieldPick,
  PickedFields,
  type FieldPickOptions,
  type SystemFact,
} from './render/field-reader.js';
export type { ChunkInfo } from './chunk.js';
export type { ChunkHeader } from './chunk-header.js';
export type { FileHeader } from './file-header.js';
export { EvtxError } from './errors.js';
export { blobSource, bytesSource, type ByteSource } from './source.js';
export { filetimeToIso, systemtimeToIso } from './time.js';
export { crc32 } from './crc32.js';
export type { Diagnostic, FieldValue, StructuredRecord } from './types.js';
export {
  recordAt,
  scanRecords,
  type RecordCandidate,
  type RecordScanOptions,
} from './recover/record-scan.js';
