/**
 * @evtxhunt/evtx/carve: EVTX chunks and loose records found at any offset of any file, and
 * readable logs rebuilt from them. Works on a ByteSource, so Node files and browser Blobs fit.
 */
export { examineChunk, type CarvedChunk, type RejectedSignature } from './carved-chunk.js';
export { looseRecordAt, readLooseRecord, type LooseRecord } from './loose-record.js';
export { planLogs, safeName, type CarvedLog } from './log-plan.js';
export { chunkSlot, rebuildLog, rebuiltSource } from './rebuild.js';
export {
  scanImage,
  SCAN_WINDOW,
  type CarveOptions,
  type CarveProgress,
  type CarveScan,
  type LooseRecordFound,
} from './scan.js';
