/**
 * The hunt report's account of each input: read whole, partly lost, or unreadable, with the
 * first problems the parser found, so the report itself says when findings may be missing.
 */
import type { Diagnostic } from '@evtxhunt/evtx';
import type { FileSummary } from '@evtxhunt/evtx/node';
import type { SourceStatus } from '@evtxhunt/hunt';

import { EXIT_FAILED, EXIT_OK } from './errors.js';

/** Problems kept per file in the report; the rest are counted. */
export const SOURCE_PROBLEMS_SHOWN = 5;

/** The status of one input, from its exit status and what the parser or the OS said. */
export function sourceStatus(
  file: string,
  status: number,
  outcome: { readonly summary?: FileSummary; readonly problem?: string },
): SourceStatus {
  const { summary, problem } = outcome;
  const serious = summary?.diagnostics.filter((d) => d.severity !== 'info') ?? [];
  const ordered = [...serious].sort((a, b) => rank(a.severity) - rank(b.severity));
  const problems = problem === undefined ? ordered.map(problemText) : [problem];
  return {
    file,
    status: statusWord(status, summary),
    recordsRead: summary?.records.read ?? 0,
    recordsRecovered: summary?.records.recovered ?? 0,
    recordsFailed: summary?.records.failed ?? 0,
    recordsMissing: summary?.records.missing ?? 0,
    chunksDamaged: summary?.chunks.damaged ?? 0,
    chunksUnreadable: summary?.chunks.unreadable ?? 0,
    problems: problems.slice(0, SOURCE_PROBLEMS_SHOWN),
    problemCount: problems.length,
  };
}

function statusWord(status: number, summary: FileSummary | undefined): SourceStatus['status'] {
  if (status === EXIT_OK) return 'read';
  const nothing = summary === undefined || summary.records.read === 0;
  return status === EXIT_FAILED && nothing ? 'unreadable' : 'partly-lost';
}

/** `error: chunk at 0x21000 (chunk 2): ...`, as the CLI prints it, unescaped: renderers escape. */
function problemText(diagnostic: Diagnostic): string {
  const where = [`${diagnostic.structure} at 0x${diagnostic.offset.toString(16)}`];
  if (diagnostic.chunkIndex !== undefined) where.push(`chunk ${diagnostic.chunkIndex}`);
  if (diagnostic.recordId !== undefined) where.push(`record ${diagnostic.recordId}`);

  const place = where.length === 1 ? where[0] : `${where[0]} (${where.slice(1).join(', ')})`;
  return `${diagnostic.severity}: ${place}: ${diagnostic.message}`;
}

function rank(severity: string): number {
  return severity === 'error' ? 0 : 1;
}
