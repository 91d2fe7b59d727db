/**
 * Telling an input's format from its first bytes, never from its name: EVTX's file signature,
 * gzip's and zip's magic numbers, then the text's first character (`<` XML, `{`/`[` JSON) or an
 * EvtxECmd or evtxhunt CSV header.
 */
import { csvLayout } from './csv/csv-header.js';
import { textEncodingOf } from './text.js';
import type { InputFormat } from './types.js';

/**
 * How many bytes sniffing looks at (fewer when the input is shorter): enough for the first
 * record of any sample, whose event keys may come after a long rendered message.
 */
export const SNIFF_BYTES = 64 * 1024;

/** Keys one of which every JSON event shape read here has (evtx_dump, Winlogbeat, NXLog...). */
const JSON_EVENT_KEYS = /"(?:EventID|EventId|eventId|event_id|System|winlog|EventRecordID)"\s*:/;

/** The element every event XML has. */
const XML_EVENT = /<(?:\w+:)?Event[\s>]/;

const EVTX_SIGNATURE = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"

/** The format of an input that starts with `head`, or undefined when it is none we read. */
export function sniffFormat(head: Uint8Array): InputFormat | undefined {
  // A log whose file header is gone still has its chunks: the parser reads them.
  if (startsWith(head, EVTX_SIGNATURE) || hasChunkSignature(head)) return 'evtx';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';

  const encoding = textEncodingOf(head);
  const text = new TextDecoder(encoding.name).decode(head.subarray(encoding.bom));
  const first = text.trimStart()[0];
  if (first === '<') return XML_EVENT.test(text) ? 'xml' : undefined;
  if (first === '{' || first === '[') return JSON_EVENT_KEYS.test(text) ? 'json' : undefined;
  return csvLayout(text) === undefined ? undefined : 'csv';
}

const CHUNK_SIGNATURE = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]; // "ElfChnk\0"

/** True when an EVTX chunk starts at a 4 KiB boundary of `head` (where chunks are found). */
function hasChunkSignature(head: Uint8Array): boolean {
  for (let at = 0; at + CHUNK_SIGNATURE.length <= head.length; at += 4096) {
    if (startsWith(head.subarray(at), CHUNK_SIGNATURE)) return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** What sniffing says about an input it does not read, for the error message. */
export function describeUnknown(head: Uint8Array): string {
  if (head.length === 0) return 'the input is empty';
  const shown = Array.from(head.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0'));
  const tried = 'no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header';
  return `not an event log: ${tried} (first bytes ${shown.join(' ')})`;
}
