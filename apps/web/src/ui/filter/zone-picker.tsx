/**
 * The time zone switch: UTC (the default), the browser's zone, or any zone the browser knows,
 * by its current IANA name; a zone a link asked for is offered even when the list lacks it.
 * Every time cell, the time header and the histogram's axis follow it.
 */
import { useMemo } from 'preact/hooks';

import { listTimeZones, localTimeZone } from '@evtxhunt/hunt';

import { offeredZones } from '../../filter/zone-names.js';
import type { FilterSession } from '../../session/filter.js';

/** The zone select. */
export function ZonePicker({ filter }: { filter: FilterSession }) {
  const chosen = filter.timeZone.value;
  const zones = useMemo(() => offeredZones(listTimeZones(), chosen), [chosen]);
  const local = useMemo(() => localTimeZone(), []);

  return (
    <label class="zone-picker">
      <span>Time zone</span>
      <select
        aria-label="Time zone"
        value={chosen}
        onChange={(event) => filter.setTimeZone((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="UTC">UTC</option>
        <option value="local">{`This browser's zone (${local})`}</option>
        <optgroup label="Every zone">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
