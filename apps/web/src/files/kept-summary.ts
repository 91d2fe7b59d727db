/** The part of a file's summary the page keeps: a hostile file has millions of diagnostics. */
import type { FileSummary } from '@evtxhunt/evtx';

import { DIAGNOSTICS_POSTED } from '../protocol.js';

/**
 * `summary` with its diagnostics cut to DIAGNOSTICS_POSTED, and how many were left out. The
 * header's own findings (not EVTX, chunks cut off) are always kept: the status line needs them.
 */
export function keptSummary(summary: FileSummary): {
  summary: FileSummary;
  diagnosticsOmitted: number;
} {
  const kept = summary.diagnostics.filter(
    (d, i) =>
      i < DIAGNOSTICS_POSTED || d.structure === 'file header' || d.structure === 'file chunks',
  );
  return {
    summary: { ...summary, diagnostics: kept },
    diagnosticsOmitted: summary.diagnostics.length - kept.length,
  };
}
