/**
 * The time zone switch: UTC (the default), the browser's zone, or any zone the browser knows,
 * by its current IANA name; a zone a link asked for is offered even when the list lacks it.
 * Every time cell, the time header and the histogram's axis follow it.
 */
import { useMemo } from 'preact/hooks';

import { listTimeZones, localTimeZone } from '@evtxhunt/hunt';

import { offeredZones } from '../../filter/zone-names.js';
import { useI18n } from '../../i18n/context.js';
import type { FilterSession } from '../../session/filter.js';

/** The zone select. */
export function ZonePicker({ filter }: { filter: FilterSession }) {
  const { t } = useI18n();
  const chosen = filter.timeZone.value;
  const zones = useMemo(() => offeredZones(listTimeZones(), chosen), [chosen]);
  const local = useMemo(() => localTimeZone(), []);

  return (
    <label class="zone-picker">
      <span>{t('zone.label')}</span>
      <select
        aria-label={t('zone.label')}
        value={chosen}
        onChange={(event) => filter.setTimeZone((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="UTC">UTC</option>
        <option value="local">{t('zone.local', { zone: local })}</option>
        <optgroup label={t('zone.every')}>
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
