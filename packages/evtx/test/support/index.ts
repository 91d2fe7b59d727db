/** Synthetic EVTX bytes for tests: values, BinXml, records, chunks, files and whole events. */
export * from './binxml.js';
export { BinXmlEncoder, nameHash, Token } from './binxml-encoder.js';
export { ByteWriter, utf16le } from './byte-writer.js';
export * from './chunk.js';
export { crc32 } from './crc32.js';
export * from './events.js';
export * from './file.js';
export { nestedElements } from './nested.js';
export * from './sysmon.js';
export * from './values.js';
