/**
 * One finding in full: why it was reported, every field the engine filled in, the beacon's
 * charts or the chain's story, and the table of its evidence rows.
 */
import type { Finding } from '@evtxhunt/hunt';
import { useMemo } from 'preact/hooks';

import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
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
  const tr = useI18n();
  const { t } = tr;
  const mine = evidence?.finding === finding ? evidence : undefined;
  const rows = mine?.rows?.rows;
  const columns = useMemo(
    () => (rows === undefined ? [] : evidenceColumns(store, finding, rows)),
    [store, finding, rows],
  );
  return (
    <section class="finding-detail" aria-label={t('finding.label')}>
      <h2>
        <span class={`severity severity-${finding.severity}`}>{tr.severity(finding.severity)}</span>{' '}
        {t('finding.title', { kind: finding.kind, computer: visibleText(finding.computer) })}
      </h2>
      {/* TODO: why a finding was reported is the engine's text (packages/hunt), in English. */}
      <p class="finding-why">{visibleText(finding.why)}</p>
      <FindingFields finding={finding} />
      {finding.sigma !== undefined && <SigmaFields sigma={finding.sigma} />}
      {finding.beacon !== undefined && <BeaconCharts finding={finding} beacon={finding.beacon} />}
      {finding.story !== undefined && (
        <ChainStory story={finding.story} evidence={mine} store={store} onOpenRow={onOpenRow} />
      )}
      <h3>{evidenceTitle(finding, mine, store, tr)}</h3>
      {mine?.rows !== undefined && mine.rows.rows.length > 0 && (
        <div class="evidence-rows">
          <EventRows
            key={finding.evidence.length}
            store={store}
            rows={mine.rows.rows}
            columns={columns}
            label={t('finding.evidenceRows')}
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
  tr: Translator,
): string {
  const { t } = tr;
  const count = finding.evidence.length;
  if (evidence?.rows === undefined) return t('finding.evidenceFinding', { count });

  const parts = [t('finding.evidence', { count })];
  const recovered = evidence.rows.rows.filter((row) => store.recovered(row)).length;
  if (recovered > 0) parts.push(t('finding.evidenceRecovered', { count: recovered }));
  const missing = evidence.rows.missing;
  if (missing > 0) parts.push(t('finding.evidenceMissing', { count: missing }));
  return parts.join(', ');
}

/** The labels of a finding's fields that the catalogue holds. */
type FieldKey =
  | 'finding.everyProcessGuid'
  | 'finding.destination'
  | 'finding.queried'
  | 'finding.source'
  | 'finding.everyDestination'
  | 'finding.firstSeen'
  | 'finding.lastSeen'
  | 'finding.count'
  | 'finding.alsoMatched';

/** Every field of the finding the engine filled in, as a list of terms and values. */
function FindingFields({ finding }: { finding: Finding }) {
  const tr = useI18n();
  const { t } = tr;
  const fields: [string, string | readonly string[]][] = [
    [t('finding.kind'), finding.kind],
    [t('finding.severity'), tr.severity(finding.severity)],
    [t('finding.computer'), finding.computer],
  ];
  // A Sysmon field keeps its own name (Image, ProcessGuid); the others are catalogue entries.
  const addField = (name: string, value: string | readonly string[] | undefined) => {
    if (value !== undefined) fields.push([name, value]);
  };
  const add = (key: FieldKey, value: string | readonly string[] | undefined) =>
    addField(t(key), value);
  addField('Image', finding.image);
  addField('ProcessGuid', finding.processGuid);
  add('finding.everyProcessGuid', finding.processGuids);
  add('finding.destination', destination(finding, tr));
  addField('DestinationHostname', finding.destinationHostname);
  add('finding.queried', finding.queriedName);
  add('finding.source', finding.sourceIp);
  add('finding.everyDestination', finding.destinations);
  add('finding.firstSeen', finding.firstSeen);
  add('finding.lastSeen', finding.lastSeen);
  add('finding.count', tr.count(finding.count));
  add('finding.alsoMatched', finding.alsoMatched);
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

function destination(finding: Finding, tr: Translator): string | undefined {
  if (finding.destinationIp === undefined) {
    if (finding.destinationPort === undefined) return undefined;
    return tr.t('finding.port', { port: String(finding.destinationPort) });
  }
  const port = finding.destinationPort === undefined ? '' : `:${finding.destinationPort}`;
  return `${finding.destinationIp}${port}`;
}
