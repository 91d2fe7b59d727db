/** Telling an export from an EVTX file by its first bytes, as @evtxhunt/formats sniffs them. */
import { SNIFF_BYTES, sniffFormat } from '@evtxhunt/formats';

/**
 * True when `file` starts as an export does (XML, JSON, CSV, gzip, zip). EVTX, and content of
 * no known format, go the EVTX parser's way, which finds chunks past a lost header and says
 * why a file is not EVTX; a file that cannot be read goes that way too, to fail there.
 */
export async function startsAsExport(file: Blob): Promise<boolean> {
  try {
    const format = sniffFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    return format !== undefined && format !== 'evtx';
  } catch {
    return false;
  }
}
