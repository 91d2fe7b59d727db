/**
 * The store as the table sees it in a chosen time zone: time cells rewritten from UTC into
 * the zone with all seven fraction digits and the offset, and the time header naming the
 * zone. Everything else, ordering included, is the store's own: instants sort the same in
 * every zone.
 */
import { ZonedTimeFormatter, type TimeZoneChoice } from '@evtxhunt/hunt';

import type { ColumnInfo } from '../store/columns.js';
import type { EventStore } from '../store/event-store.js';
import type { DataFrame, RowKey } from '../store/frame.js';
import { currentZoneName } from './zone-names.js';

/** The time column's header for a zone: `Time (UTC)`, `Time (Europe/Berlin)`. */
export function timeLabel(zone: string): string {
  return `Time (${zone})`;
}

/** A store seen in one time zone. */
export class ZonedFrame implements DataFrame {
  readonly #formatter: ZonedTimeFormatter;

  /** Throws TimeZoneError for a zone that is not UTC, local or one the browser knows. */
  constructor(
    private readonly store: EventStore,
    choice: TimeZoneChoice,
  ) {
    this.#formatter = new ZonedTimeFormatter(choice);
  }

  /** The zone's IANA name, `local` resolved, under its current name (Asia/Kolkata). */
  get zone(): string {
    return currentZoneName(this.#formatter.zone);
  }

  get rowCount(): number {
    return this.store.rowCount;
  }

  columns(): readonly ColumnInfo[] {
    const zone = this.zone;
    const label = timeLabel(zone);
    return this.store
      .columns()
      .map((column) => (column.key === 'timeCreated' ? { ...column, label, zone } : column));
  }

  cell(row: number, key: string): string | undefined {
    const text = this.store.cell(row, key);
    if (key !== 'timeCreated' || text === undefined) return text;
    return this.#formatter.tryFormat(text) ?? text;
  }

  /** An ISO-8601 UTC time in this zone; text that is no such time comes back as it was. */
  formatTime(isoUtc: string): string {
    return this.#formatter.tryFormat(isoUtc) ?? isoUtc;
  }

  recovered(row: number): boolean {
    return this.store.recovered(row);
  }

  orderKey(key: string): RowKey | undefined {
    return this.store.orderKey(key);
  }
}
