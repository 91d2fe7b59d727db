/**
 * @evtxhunt/evtx/writer: writes EVTX logs the way Windows does (template definitions and names
 * once per chunk, records as template instances), chunk by chunk. Zero dependencies.
 */
export {
  EvtxWriter,
  MAX_CHUNKS,
  writeEvtx,
  type EventRecordInput,
  type EvtxWriterOptions,
} from './evtx-writer.js';
export {
  element,
  normal,
  optional,
  text,
  type Template,
  type TemplateAttribute,
  type TemplateElement,
  type TemplateNode,
  type TemplateSubstitution,
  type TemplateText,
} from './template.js';
export {
  filetimeFromMs,
  guidToBytes,
  sidToBytes,
  type TemplateInstance,
  type ValueTypeName,
  type WriterValue,
} from './values.js';
export { nameHash } from './binxml-writer.js';
export { fileHeaderBytes } from './file-header.js';
