/**
 * Outbound connections: the events table's Sysmon Event ID 3 rows this host initiated, as a
 * pivot of Image and DestinationIp with count, ports, host names, the names queried in DNS,
 * whether the address is public, and first and last seen. Picking a group shows its events.
 */
import type { OutboundGroup, QueriedNames } from '../../hunt/outbound.js';
import { count, plural } from '../../files/describe.js';
import type { OutboundSession, OutboundTable } from '../../session/outbound.js';
import type { EventStore } from '../../store/event-store.js';
import { EventRows } from './event-rows.js';
import { visibleText } from '../visible-text.js';

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
  const table = outbound.table.value;
  const picked = outbound.picked.value;
  if (table === undefined) return <p class="hunt-note">Grouping the outbound connections…</p>;
  return (
    <div class="outbound">
      <p class="hunt-note" aria-live="polite">
        {summary(table, outbound.computing.value)}
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
        <section class="drill" aria-label="Events of the chosen group">
          <h2 class="drill-title">
            {`${plural(picked.count, 'connection')} of ${visibleText(picked.image) || '(no image)'} to ${visibleText(picked.destinationIp)}`}
          </h2>
          <EventRows
            key={`${picked.image}\u0000${picked.destinationIp}`}
            store={store}
            rows={picked.rows}
            columns={CONNECTION_COLUMNS}
            label="Connections of the chosen group"
            onOpen={onOpenRow}
          />
        </section>
      )}
    </div>
  );
}

function summary(table: OutboundTable, computing: boolean): string {
  const groups = table.groups.length;
  const shown = groups > GROUPS_SHOWN ? ` (the ${count(GROUPS_SHOWN)} largest shown)` : '';
  const of = `Sysmon Event ID 3 with Initiated true, among the table's ${plural(table.viewRows, 'event')}`;
  const again = computing ? ' · counting again…' : '';
  return `${plural(table.connections, 'outbound connection')} in ${plural(groups, 'group')}${shown}: ${of}${again}`;
}

/** Widths by column: the Image path gets room first; an address wraps rather than widen. */
const COLUMN_CLASSES: Readonly<Record<string, string>> = {
  Image: 'pivot-image',
  DestinationIp: 'pivot-ip',
  'Host names': 'pivot-names',
  'Queried in DNS': 'pivot-names',
};

interface PivotTableProps {
  readonly groups: readonly OutboundGroup[];
  readonly picked: OutboundGroup | undefined;
  readonly queried: QueriedNames | undefined;
  readonly onPick: (group: OutboundGroup) => void;
}

function PivotTable({ groups, picked, queried, onPick }: PivotTableProps) {
  return (
    <div class="pivot-scroll">
      <table class="pivot">
        <caption class="visually-hidden">Outbound connections by Image and DestinationIp</caption>
        <thead>
          <tr>
            {[
              'Count',
              'Image',
              'DestinationIp',
              'Address',
              'Ports',
              'Host names',
              'Queried in DNS',
              'First seen (UTC)',
              'Last seen (UTC)',
            ].map((label) => (
              <th scope="col" key={label} class={COLUMN_CLASSES[label]}>
                {label}
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
  const names = queried === undefined ? undefined : queried(group);
  return (
    <tr class={picked ? 'picked' : undefined} onClick={() => onPick(group)}>
      <td class="numeric">
        <button
          type="button"
          class="link"
          aria-pressed={picked}
          aria-label={`${plural(group.count, 'connection')}: show them`}
          onClick={(event) => {
            event.stopPropagation();
            onPick(group);
          }}
        >
          {count(group.count)}
        </button>
      </td>
      <td class="path pivot-image">{visibleText(group.image)}</td>
      <td class="mono pivot-ip">{visibleText(group.destinationIp)}</td>
      <td>
        <span class={`ip-class ip-${group.ipClass ?? 'none'}`}>
          {group.ipClass ?? 'not an address'}
        </span>
      </td>
      <td class="mono">{visibleText(group.ports.join(', '))}</td>
      <td class="path pivot-names">{visibleText(group.hostnames.join(', '))}</td>
      <td class="path pivot-names">
        {names === undefined ? '(after the hunt)' : visibleText(names.join(', '))}
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
