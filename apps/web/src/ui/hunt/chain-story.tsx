/**
 * A chain finding's story: the process start, the DNS query, the connection and the file
 * written, each with a button that opens its event; and the parent chain of the process, from
 * the oldest ancestor found in the logs down to the process itself.
 */
import type { StoryStep } from '@evtxhunt/hunt';

import type { ProcessChain } from '../../hunt/parent-chain.js';
import { useI18n } from '../../i18n/context.js';
import type { OpenEvidence } from '../../session/findings.js';
import type { EventStore } from '../../store/event-store.js';
import { visibleText } from '../visible-text.js';

const STEP_NAMES = {
  'process-start': 'story.processStart',
  dns: 'story.dns',
  network: 'story.network',
  'file-create': 'story.fileCreate',
} as const satisfies Readonly<Record<StoryStep['step'], string>>;

/** How a parent chain ends, as the page says it (the report has its own English words). */
const CHAIN_ENDS = {
  root: 'story.endRoot',
  'start-not-logged': 'story.endStartNotLogged',
  cycle: 'story.endCycle',
  'depth-limit': 'story.endDepthLimit',
} as const satisfies Readonly<Record<ProcessChain['end'], string>>;

export interface ChainStoryProps {
  readonly story: readonly StoryStep[];
  readonly evidence: OpenEvidence | undefined;
  readonly store: EventStore;
  readonly onOpenRow: (row: number) => void;
}

/** The story and the parent chain. */
export function ChainStory({ story, evidence, store, onOpenRow }: ChainStoryProps) {
  const { t } = useI18n();
  const rowOf = (step: StoryStep) => findRow(store, evidence, step);
  return (
    <section class="story" aria-label={t('story.label')}>
      <h3>{t('story.heading')}</h3>
      <ol class="story-steps">
        {story.map((step) => (
          <li key={`${step.step}${step.evidence.recordId}`}>
            <span class="story-step">{t(STEP_NAMES[step.step])}</span>
            <span class="mono story-time">{visibleText(step.time)}</span>
            <RecordButton row={rowOf(step)} recordId={step.evidence.recordId} onOpen={onOpenRow} />
            <span class="path story-summary">{visibleText(step.summary)}</span>
          </li>
        ))}
      </ol>
      {evidence?.chain !== undefined && (
        <ParentChain chain={evidence.chain} onOpenRow={onOpenRow} />
      )}
    </section>
  );
}

function ParentChain({
  chain,
  onOpenRow,
}: {
  chain: ProcessChain;
  onOpenRow: (row: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('story.parentChain')}</h3>
      <ol class="parent-chain">
        {chain.links.map((link, at) => (
          <li key={`${at}${link.processGuid ?? ''}`}>
            <span class="path">
              {link.image === undefined ? t('story.imageUnknown') : visibleText(link.image)}
              {at === chain.links.length - 1 && <strong>{t('story.thisProcess')}</strong>}
            </span>
            {link.commandLine !== undefined && (
              <code class="list-value">{visibleText(link.commandLine)}</code>
            )}
            {link.row === undefined ? (
              <span class="hunt-note">{t('story.startNotLogged')}</span>
            ) : (
              <RecordButton row={link.row} recordId={undefined} onOpen={onOpenRow} />
            )}
          </li>
        ))}
      </ol>
      <p class="hunt-note">{t(CHAIN_ENDS[chain.end])}</p>
    </>
  );
}

interface RecordButtonProps {
  readonly row: number | undefined;
  readonly recordId: string | undefined;
  readonly onOpen: (row: number) => void;
}

function RecordButton({ row, recordId, onOpen }: RecordButtonProps) {
  const { t } = useI18n();
  if (row === undefined)
    return recordId === undefined ? null : <span class="mono">{`#${visibleText(recordId)}`}</span>;
  return (
    <button type="button" class="link" onClick={() => onOpen(row)}>
      {recordId === undefined
        ? t('story.openStart')
        : t('story.openRecord', { recordId: visibleText(recordId) })}
    </button>
  );
}

/** The row of a step's evidence among the finding's evidence rows, when found. */
function findRow(
  store: EventStore,
  evidence: OpenEvidence | undefined,
  step: StoryStep,
): number | undefined {
  const rows = evidence?.rows?.rows;
  if (rows === undefined) return undefined;
  const file = step.evidence.file;
  return Array.from(rows).find(
    (row) =>
      store.cell(row, 'recordId') === step.evidence.recordId &&
      (file === undefined || store.cell(row, 'file') === file),
  );
}
