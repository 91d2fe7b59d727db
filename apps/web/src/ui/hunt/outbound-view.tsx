/**
 * Outbound connections: the events table's Sysmon Event ID 3 rows this host initiated, as a
 * pivot of Image and DestinationIp with count, ports, host names, the names queried in DNS,
 * whether the address is public, and first and last seen. Picking a group shows its events.
 */
import type { IpClass } from '@evtxhunt/hunt';

import type { OutboundGroup, QueriedNames } from '../../hunt/outbound.js';
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import type { OutboundSession, OutboundTable } from '../../session/outbound.js';
import type { EventStore } from '../../store/event-store.js';
import { visibleText } from '../visible-text.js';
import { EventRows } from './event-rows.js';

/** Each kind of address by its catalogue entry. */
const IP_CLASSES = {
  unspecified: 'ip.unspecified',
  loopback: 'ip.loopback',
  private: 'ip.private',
  cgnat: 'ip.cgnat',
  'link-local': 'ip.linkLocal',
  multicast: 'ip.multicast',
  broadcast: 'ip.broadcast',
  'unique-local': 'ip.uniqueLocal',
  documentation: 'ip.documentation',
  benchmarking: 'ip.benchmarking',
  reserved: 'ip.reserved',
  public: 'ip.public',
} as const satisfies Readonly<Record<IpClass, string>>;

/** Groups drawn at most; the rest are counted. */
export const GROUPS_SHOWN = 500;

/** Columns of a group's events. */
const CONNECTION_COLUMNS = [
  'timeCreated',
  'computer',
  'recordId',
  'Image',
  'User',
  'Protocol',
  'SourcePort',
  'DestinationIp',
  'DestinationPort',
  'DestinationHostname',
];

export interface OutboundViewProps {
  readonly outbound: OutboundSession;
  readonly store: EventStore;
  readonly onOpenRow: (row: number) => void;
}

/** The view. */
export function OutboundView({ outbound, store, onOpenRow }: OutboundViewProps) {
  const tr = useI18n();
  const { t } = tr;
  const table = outbound.table.value;
  const picked = outbound.picked.value;
  if (table === undefined) return <p class="hunt-note">{t('outbound.grouping')}</p>;
  return (
    <div class="outbound">
      <p class="hunt-note" aria-live="polite">
        {summary(table, outbound.computing.value, tr)}
      </p>
      {table.groups.length > 0 && (
        <PivotTable
          groups={table.groups}
          picked={picked}
          queried={outbound.queried.value}
          onPick={(group) => outbound.pick(group === picked ? undefined : group)}
        />
      )}
      {picked !== undefined && (
        <section class="drill" aria-label={t('outbound.drillLabel')}>
          <h2 class="drill-title">
            {t('outbound.drill', {
              count: picked.count,
              image: visibleText(picked.image) || t('outbound.noImage'),
              ip: visibleText(picked.destinationIp),
            })}
          </h2>
          <EventRows
            key={`${picked.image}\u0000${picked.destinationIp}`}
            store={store}
            rows={picked.rows}
            columns={CONNECTION_COLUMNS}
            label={t('outbound.drillRows')}
            onOpen={onOpenRow}
          />
        </section>
      )}
    </div>
  );
}

function summary(table: OutboundTable, computing: boolean, tr: Translator): string {
  const { t } = tr;
  const groups = table.groups.length;
  return t('outbound.summary', {
    connections: t('outbound.connections', { count: table.connections }),
    groups: t('outbound.groups', { count: groups }),
    shown: groups > GROUPS_SHOWN ? t('outbound.largestShown', { count: GROUPS_SHOWN }) : '',
    count: table.viewRows,
    again: computing ? t('outbound.countingAgain') : '',
  });
}

/**
 * The pivot's columns: a Sysmon field keeps its name, the others are catalogue entries; and
 * widths by column: the Image path gets room first, an address wraps rather than widen.
 */
const PIVOT_COLUMNS = [
  ['outbound.colCount', undefined],
  ['Image', 'pivot-image'],
  ['DestinationIp', 'pivot-ip'],
  ['outbound.colAddress', undefined],
  ['outbound.colPorts', undefined],
  ['outbound.colHostNames', 'pivot-names'],
  ['outbound.colQueried', 'pivot-names'],
  ['outbound.colFirstSeen', undefined],
  ['outbound.colLastSeen', undefined],
] as const;

interface PivotTableProps {
  readonly groups: readonly OutboundGroup[];
  readonly picked: OutboundGroup | undefined;
  readonly queried: QueriedNames | undefined;
  readonly onPick: (group: OutboundGroup) => void;
}

function PivotTable({ groups, picked, queried, onPick }: PivotTableProps) {
  const { t } = useI18n();
  return (
    <div class="pivot-scroll">
      <table class="pivot">
        <caption class="visually-hidden">{t('outbound.caption')}</caption>
        <thead>
          <tr>
            {PIVOT_COLUMNS.map(([label, width]) => (
              <th scope="col" key={label} class={width}>
                {label === 'Image' || label === 'DestinationIp' ? label : t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.slice(0, GROUPS_SHOWN).map((group) => (
            <PivotRow
              key={`${group.image}\u0000${group.destinationIp}`}
              group={group}
              picked={group === picked}
              queried={queried}
              onPick={onPick}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface PivotRowProps {
  readonly group: OutboundGroup;
  readonly picked: boolean;
  readonly queried: QueriedNames | undefined;
  readonly onPick: (group: OutboundGroup) => void;
}

function PivotRow({ group, picked, queried, onPick }: PivotRowProps) {
  const tr = useI18n();
  const { t } = tr;
  const names = queried === undefined ? undefined : queried(group);
  return (
    <tr class={picked ? 'picked' : undefined} onClick={() => onPick(group)}>
      <td class="numeric">
        <button
          type="button"
          class="link"
          aria-pressed={picked}
          aria-label={t('outbound.show', { count: group.count })}
          onClick={(event) => {
            event.stopPropagation();
            onPick(group);
          }}
        >
          {tr.count(group.count)}
        </button>
      </td>
      <td class="path pivot-image">{visibleText(group.image)}</td>
      <td class="mono pivot-ip">{visibleText(group.destinationIp)}</td>
      <td>
        <span class={`ip-class ip-${group.ipClass ?? 'none'}`}>
          {group.ipClass === undefined ? t('outbound.notAddress') : t(IP_CLASSES[group.ipClass])}
        </span>
      </td>
      <td class="mono">{visibleText(group.ports.join(', '))}</td>
      <td class="path pivot-names">{visibleText(group.hostnames.join(', '))}</td>
      <td class="path pivot-names">
        {names === undefined ? t('outbound.afterHunt') : visibleText(names.join(', '))}
      </td>
      <td class="mono">
        <TimeText time={group.firstSeen} />
      </td>
      <td class="mono">
        <TimeText time={group.lastSeen} />
      </td>
    </tr>
  );
}

/** An ISO time that may break after its date (`2017-10-23T` / `07:14:47.5870000Z`), not inside. */
function TimeText({ time }: { time: string | undefined }) {
  if (time === undefined) return null;
  const at = time.indexOf('T') + 1;
  if (at === 0) return <>{time}</>;
  return (
    <span class="nowrap">
      {time.slice(0, at)}
      <wbr />
      {time.slice(at)}
    </span>
  );
}
