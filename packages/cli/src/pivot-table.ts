/** Text rendering of a pivot result: one table row per group, largest first. */
import type { PivotResult, PivotRow } from '@evtxhunt/hunt';

import { renderTable, type Column } from './table.js';

/** The pivot as text lines: the table, then a one-line tally. */
export function renderPivot(result: PivotResult): string[] {
  const columns: Column[] = [
    { heading: 'count', align: 'right' },
    ...result.by.map((field) => ({ heading: field })),
    { heading: 'ports' },
    { heading: 'hostnames' },
    { heading: 'first seen' },
    { heading: 'last seen' },
  ];
  const table = renderTable(columns, result.rows.map(pivotCells));

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
