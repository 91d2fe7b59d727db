/**
 * The engine's findings: a list, most severe first, the open finding with every field and its
 * evidence, and beside them the setup that shapes them (Sysmon configuration, allowlist).
 */
import { SEVERITIES, type Finding } from '@evtxhunt/hunt';

import { count, plural } from '../../files/describe.js';
import type { HuntOutcome } from '../../hunt/protocol.js';
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
  const result = hunt.result.value;
  const open = hunt.findings.open.value;
  return (
    <div class="findings">
      <section class="finding-list" aria-label="Findings">
        {result === undefined ? (
          <p class="hunt-note">{`No report yet. ${statusText(hunt.status.value)}.`}</p>
        ) : (
          <>
            <p class="hunt-note">{tally(result.findings)}</p>
            <Skipped outcome={hunt.outcome.value} />
            <ol>
              {result.findings.map((finding) => (
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
                      what={visibleText(findingName(finding))}
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

/** Records the engine threw on, which the hunt went on without. */
function Skipped({ outcome }: { outcome: HuntOutcome | undefined }) {
  if (outcome === undefined || outcome.skippedCount === 0) return null;
  const first = outcome.skipped[0];
  const example =
    first === undefined
      ? ''
      : visibleText(`; the first, ${first.file} #${first.recordId}: ${first.message}`);
  return (
    <p class="problem" role="alert">
      {`${plural(outcome.skippedCount, 'record')} could not be hunted and ${outcome.skippedCount === 1 ? 'was' : 'were'} skipped${example}`}
    </p>
  );
}

function FindingButton(props: { finding: Finding; open: boolean; onChoose: () => void }) {
  const { finding } = props;
  return (
    <button type="button" class="finding-item" aria-pressed={props.open} onClick={props.onChoose}>
      <span class={`severity severity-${finding.severity}`}>{finding.severity}</span>
      <span class="finding-kind">{finding.kind}</span>
      <span class="finding-target">{visibleText(target(finding))}</span>
      <span class="finding-count">{`${count(finding.count)}×`}</span>
    </button>
  );
}

/**
 * What the finding is about, in a few words: the program's file name and the far end; for a
 * Sigma finding, the rule's title.
 */
export function target(finding: Finding): string {
  if (finding.sigma !== undefined) return finding.sigma.title;
  const image = finding.image?.split('\\').at(-1) ?? finding.computer;
  const port = finding.destinationPort === undefined ? '' : `:${finding.destinationPort}`;
  const far = finding.destinations
    ? `${plural(finding.destinations.length, 'host')}${port}`
    : finding.sourceIp !== undefined
      ? `from ${finding.sourceIp}`
      : `${finding.destinationIp ?? ''}${port}`;
  return `${image} ${far}`.trim();
}

function tally(findings: readonly Finding[]): string {
  const bySeverity = [...SEVERITIES]
    .reverse()
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${count(n)} ${severity}`);
  const all = findings.length === 1 ? '1 finding' : `${count(findings.length)} findings`;
  return bySeverity.length === 0 ? 'No findings' : `${all}: ${bySeverity.join(', ')}`;
}
