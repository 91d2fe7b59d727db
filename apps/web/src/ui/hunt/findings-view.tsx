/**
 * The engine's findings: a list, most severe first, the open finding with every field and its
 * evidence, and beside them the setup that shapes them (Sysmon configuration, allowlist).
 */
import { SEVERITIES, type Finding } from '@evtxhunt/hunt';

import type { HuntOutcome } from '../../hunt/protocol.js';
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import { findingBookmarkKey, type Bookmarks } from '../../session/bookmarks.js';
import { findingName, findingStarrable } from '../../session/bookmarks-open.js';
import { findingKey } from '../../session/findings.js';
import type { HuntSession } from '../../session/hunt.js';
import type { EventStore } from '../../store/event-store.js';
import { StarButton } from '../bookmarks/star-button.js';
import { visibleText } from '../visible-text.js';
import { FindingDetail } from './finding-detail.js';
import { statusText } from './hunt-tabs.js';
import { SetupPanel } from './setup-panel.js';

export interface FindingsViewProps {
  readonly hunt: HuntSession;
  readonly store: EventStore;
  readonly onOpenRow: (row: number) => void;
  /** The page's bookmarks; without them findings have no star. */
  readonly bookmarks?: Bookmarks | undefined;
}

/**
 * The view. TODO: the list draws every finding; a hunt with thousands of them (a large estate's
 * logs) wants the list virtualised like the events table.
 */
export function FindingsView({ hunt, store, onOpenRow, bookmarks }: FindingsViewProps) {
  const tr = useI18n();
  const { t } = tr;
  const result = hunt.result.value;
  const open = hunt.findings.open.value;
  return (
    <div class="findings">
      <section class="finding-list" aria-label={t('findings.label')}>
        {result === undefined ? (
          <p class="hunt-note">
            {t('findings.noReport', { status: statusText(hunt.status.value, tr) })}
          </p>
        ) : (
          <>
            <p class="hunt-note">{tally(result.findings, tr)}</p>
            <OnlyKind hunt={hunt} />
            <Skipped outcome={hunt.outcome.value} />
            <ol>
              {hunt.findings.shown.value.map((finding) => (
                <li key={findingKey(finding)}>
                  <FindingButton
                    finding={finding}
                    open={finding === open}
                    onChoose={() => hunt.findings.choose(finding)}
                  />
                  {bookmarks !== undefined && (
                    <StarButton
                      bookmarks={bookmarks}
                      bookmarkKey={findingBookmarkKey(finding)}
                      starrable={() => findingStarrable(finding)}
                      what={visibleText(findingName(finding, tr))}
                    />
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      {open !== undefined && (
        <FindingDetail
          finding={open}
          evidence={hunt.findings.evidence.value}
          store={store}
          onOpenRow={onOpenRow}
        />
      )}
      <SetupPanel hunt={hunt} />
    </div>
  );
}

/** When a finding hunt narrowed the list: what it shows, and a way back to every finding. */
function OnlyKind({ hunt }: { hunt: HuntSession }) {
  const { t } = useI18n();
  const kind = hunt.findings.onlyKind.value;
  if (kind === undefined) return null;
  const count = hunt.findings.shown.value.length;
  return (
    <p class="hunt-note findings-only">
      {t('findings.onlyKind', { count, kind })}{' '}
      <button type="button" class="link" onClick={() => hunt.findings.narrow(undefined)}>
        {t('findings.showAll')}
      </button>
    </p>
  );
}

/** Records the engine threw on, which the hunt went on without. */
function Skipped({ outcome }: { outcome: HuntOutcome | undefined }) {
  const { t } = useI18n();
  if (outcome === undefined || outcome.skippedCount === 0) return null;
  const first = outcome.skipped[0];
  const count = outcome.skippedCount;
  return (
    <p class="problem" role="alert">
      {first === undefined
        ? t('findings.skipped', { count })
        : t('findings.skippedFirst', {
            count,
            file: visibleText(first.file),
            recordId: visibleText(first.recordId),
            message: visibleText(first.message),
          })}
    </p>
  );
}

function FindingButton(props: { finding: Finding; open: boolean; onChoose: () => void }) {
  const tr = useI18n();
  const { finding } = props;
  return (
    <button type="button" class="finding-item" aria-pressed={props.open} onClick={props.onChoose}>
      <span class={`severity severity-${finding.severity}`}>{tr.severity(finding.severity)}</span>
      <span class="finding-kind">{finding.kind}</span>
      <span class="finding-target">{visibleText(target(finding, tr))}</span>
      <span class="finding-count">{tr.t('findings.times', { count: finding.count })}</span>
    </button>
  );
}

/**
 * What the finding is about, in a few words: the program's file name and the far end; for a
 * Sigma finding, the rule's title.
 */
export function target(finding: Finding, tr: Translator): string {
  if (finding.sigma !== undefined) return finding.sigma.title;
  const image = finding.image?.split('\\').at(-1) ?? finding.computer;
  const port = finding.destinationPort === undefined ? '' : `:${finding.destinationPort}`;
  const far = finding.destinations
    ? tr.t('findings.hosts', { count: finding.destinations.length, port })
    : finding.sourceIp !== undefined
      ? tr.t('findings.from', { ip: finding.sourceIp })
      : `${finding.destinationIp ?? ''}${port}`;
  return `${image} ${far}`.trim();
}

/** `3 findings: 1 high, 2 medium`, most severe first. */
function tally(findings: readonly Finding[], tr: Translator): string {
  const bySeverity = [...SEVERITIES]
    .reverse()
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) =>
      tr.t('findings.severityCount', { count: n, severity: tr.severity(severity) }),
    );
  if (bySeverity.length === 0) return tr.t('findings.none');
  return tr.t('findings.tally', { count: findings.length, severities: bySeverity.join(', ') });
}
