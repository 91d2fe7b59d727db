/** Builders of compact rows for store tests. */
import type { CompactRow } from '../../src/protocol.js';

/** A row with sensible System fields; `fields` become its data in the order given. */
export function row(
  fields: Record<string, string | readonly string[]>,
  overrides: Partial<CompactRow> = {},
): CompactRow {
  return {
    time: '2024-05-01T10:00:00.1234567Z',
    eventId: 3,
    level: 4,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'HOST-A',
    recordId: '1',
    system: '',
    chunk: 0,
    offset: 0x1200,
    names: Object.keys(fields),
    values: Object.values(fields),
    ...overrides,
  };
}
