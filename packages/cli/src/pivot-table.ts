/** Text rendering of a pivot result: one table row per group, largest first. */
import type { PivotResult, PivotRow } from '@evtxhunt/hunt';

import { renderTable, type Column } from './table.js';

/**
 * The pivot as text lines: the table, then a one-line tally. When any group holds events from
 * recovered records (`recovered`, by row), a `recovered` column counts them per group.
 */
export function renderPivot(result: PivotResult): string[] {
  const flagged = result.rows.some((row) => row.recovered !== undefined);
  const columns: Column[] = [
    { heading: 'count', align: 'right' },
    ...(flagged ? [{ heading: 'recovered', align: 'right' as const }] : []),
    ...result.by.map((field) => ({ heading: field })),
    { heading: 'ports' },
    { heading: 'hostnames' },
    { heading: 'first seen' },
    { heading: 'last seen' },
  ];
  const cells = (row: PivotRow) => {
    const [count = '', ...rest] = pivotCells(row);
    return flagged ? [count, String(row.recovered ?? 0), ...rest] : [count, ...rest];
  };
  const table = renderTable(columns, result.rows.map(cells));

  return [...table, '', tally(result)];
}

function pivotCells(row: PivotRow): string[] {
  return [
    String(row.count),
    ...row.key.map((value) => (value === '' ? '-' : value)),
    listText(row.ports, row.morePorts === true),
    listText(row.hostnames, row.moreHostnames === true),
    row.firstSeen ?? '-',
    row.lastSeen ?? '-',
  ];
}

/** Values joined by commas; `...` marks values dropped at the engine's limit. */
function listText(values: readonly string[], more: boolean): string {
  if (values.length === 0) return '-';
  return more ? `${values.join(',')},...` : values.join(',');
}

function tally(result: PivotResult): string {
  const groups = result.rows.length === 1 ? 'group' : 'groups';
  return `${result.rows.length} ${groups} from ${result.selected} of ${result.seen} records`;
}
