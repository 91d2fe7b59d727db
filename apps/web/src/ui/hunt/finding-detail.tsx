/**
 * One finding in full: why it was reported, every field the engine filled in, the beacon's
 * charts or the chain's story, and the table of its evidence rows.
 */
import type { Finding } from '@evtxhunt/hunt';
import { useMemo } from 'preact/hooks';

import { count, plural } from '../../files/describe.js';
import type { OpenEvidence } from '../../session/findings.js';
import type { EventStore } from '../../store/event-store.js';
import { BeaconCharts } from './beacon-charts.js';
import { ChainStory } from './chain-story.js';
import { EventRows } from './event-rows.js';
import { evidenceColumns } from './evidence-columns.js';
import { SigmaFields } from '../sigma/sigma-fields.js';
import { visibleText } from '../visible-text.js';

export interface FindingDetailProps {
  readonly finding: Finding;
  readonly evidence: OpenEvidence | undefined;
  readonly store: EventStore;
  readonly onOpenRow: (row: number) => void;
}

/** The open finding. */
export function FindingDetail({ finding, evidence, store, onOpenRow }: FindingDetailProps) {
  const mine = evidence?.finding === finding ? evidence : undefined;
  const rows = mine?.rows?.rows;
  const columns = useMemo(
    () => (rows === undefined ? [] : evidenceColumns(store, finding, rows)),
    [store, finding, rows],
  );
  return (
    <section class="finding-detail" aria-label="The open finding">
      <h2>
        <span class={`severity severity-${finding.severity}`}>{finding.severity}</span>{' '}
        {`${finding.kind} on ${visibleText(finding.computer)}`}
      </h2>
      <p class="finding-why">{visibleText(finding.why)}</p>
      <FindingFields finding={finding} />
      {finding.sigma !== undefined && <SigmaFields sigma={finding.sigma} />}
      {finding.beacon !== undefined && <BeaconCharts finding={finding} beacon={finding.beacon} />}
      {finding.story !== undefined && (
        <ChainStory story={finding.story} evidence={mine} store={store} onOpenRow={onOpenRow} />
      )}
      <h3>{evidenceTitle(finding, mine, store)}</h3>
      {mine?.rows !== undefined && mine.rows.rows.length > 0 && (
        <div class="evidence-rows">
          <EventRows
            key={finding.evidence.length}
            store={store}
            rows={mine.rows.rows}
            columns={columns}
            label="Evidence of the open finding"
            onOpen={onOpenRow}
          />
        </div>
      )}
    </section>
  );
}

/**
 * `Evidence: 12 events, 3 of their rows recovered (not live), 1 not among the loaded rows`. The
 * engine names evidence by file and record id only, so the recovered flag is read from the rows
 * found for it (marked in the table below too).
 */
function evidenceTitle(
  finding: Finding,
  evidence: OpenEvidence | undefined,
  store: EventStore,
): string {
  const events = `Evidence: ${plural(finding.evidence.length, 'event')}`;
  if (evidence?.rows === undefined) return `${events} (finding their rows…)`;

  const parts = [events];
  const recovered = evidence.rows.rows.filter((row) => store.recovered(row)).length;
  if (recovered > 0) parts.push(`${count(recovered)} of their rows recovered (not live)`);
  const missing = evidence.rows.missing;
  if (missing > 0) parts.push(`${count(missing)} not among the loaded rows`);
  return parts.join(', ');
}

/** Every field of the finding the engine filled in, as a list of terms and values. */
function FindingFields({ finding }: { finding: Finding }) {
  const fields: [string, string | readonly string[]][] = [
    ['Kind', finding.kind],
    ['Severity', finding.severity],
    ['Computer', finding.computer],
  ];
  const add = (label: string, value: string | readonly string[] | number | undefined) => {
    if (value !== undefined)
      fields.push([label, typeof value === 'number' ? String(value) : value]);
  };
  add('Image', finding.image);
  add('ProcessGuid', finding.processGuid);
  add('Every ProcessGuid', finding.processGuids);
  add('Destination', destination(finding));
  add('DestinationHostname', finding.destinationHostname);
  add('Queried in DNS', finding.queriedName);
  add('Source', finding.sourceIp);
  add('Every destination', finding.destinations);
  add('First seen (UTC)', finding.firstSeen);
  add('Last seen (UTC)', finding.lastSeen);
  add('Count', count(finding.count));
  add('Also matched', finding.alsoMatched);
  return (
    <dl class="fields finding-fields">
      {fields.map(([label, value]) => (
        <FieldPair key={label} label={label} value={value} />
      ))}
    </dl>
  );
}

function FieldPair({ label, value }: { label: string; value: string | readonly string[] }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {typeof value === 'string'
          ? visibleText(value)
          : value.map((item) => (
              <code class="list-value" key={item}>
                {visibleText(item)}
              </code>
            ))}
      </dd>
    </>
  );
}

function destination(finding: Finding): string | undefined {
  if (finding.destinationIp === undefined) {
    return finding.destinationPort === undefined ? undefined : `port ${finding.destinationPort}`;
  }
  const port = finding.destinationPort === undefined ? '' : `:${finding.destinationPort}`;
  return `${finding.destinationIp}${port}`;
}
