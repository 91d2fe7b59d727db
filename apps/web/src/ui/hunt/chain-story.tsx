/**
 * A chain finding's story: the process start, the DNS query, the connection and the file
 * written, each with a button that opens its event; and the parent chain of the process, from
 * the oldest ancestor found in the logs down to the process itself.
 */
import type { StoryStep } from '@evtxhunt/hunt';

import type { ProcessChain } from '../../hunt/parent-chain.js';
import type { OpenEvidence } from '../../session/findings.js';
import { CHAIN_END_TEXT } from '../../session/report-story.js';
import type { EventStore } from '../../store/event-store.js';
import { visibleText } from '../visible-text.js';

const STEP_NAMES: Readonly<Record<StoryStep['step'], string>> = {
  'process-start': 'Process started',
  dns: 'DNS query',
  network: 'Connection',
  'file-create': 'File written',
};

export interface ChainStoryProps {
  readonly story: readonly StoryStep[];
  readonly evidence: OpenEvidence | undefined;
  readonly store: EventStore;
  readonly onOpenRow: (row: number) => void;
}

/** The story and the parent chain. */
export function ChainStory({ story, evidence, store, onOpenRow }: ChainStoryProps) {
  const rowOf = (step: StoryStep) => findRow(store, evidence, step);
  return (
    <section class="story" aria-label="Process story">
      <h3>What happened</h3>
      <ol class="story-steps">
        {story.map((step) => (
          <li key={`${step.step}${step.evidence.recordId}`}>
            <span class="story-step">{STEP_NAMES[step.step]}</span>
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
  return (
    <>
      <h3>Parent chain</h3>
      <ol class="parent-chain">
        {chain.links.map((link, at) => (
          <li key={`${at}${link.processGuid ?? ''}`}>
            <span class="path">
              {link.image === undefined ? '(image unknown)' : visibleText(link.image)}
              {at === chain.links.length - 1 && <strong> (this process)</strong>}
            </span>
            {link.commandLine !== undefined && (
              <code class="list-value">{visibleText(link.commandLine)}</code>
            )}
            {link.row === undefined ? (
              <span class="hunt-note">start not in the logs</span>
            ) : (
              <RecordButton row={link.row} recordId={undefined} onOpen={onOpenRow} />
            )}
          </li>
        ))}
      </ol>
      <p class="hunt-note">{CHAIN_END_TEXT[chain.end]}</p>
    </>
  );
}

interface RecordButtonProps {
  readonly row: number | undefined;
  readonly recordId: string | undefined;
  readonly onOpen: (row: number) => void;
}

function RecordButton({ row, recordId, onOpen }: RecordButtonProps) {
  if (row === undefined)
    return recordId === undefined ? null : <span class="mono">{`#${visibleText(recordId)}`}</span>;
  return (
    <button type="button" class="link" onClick={() => onOpen(row)}>
      {recordId === undefined ? 'Open its start event' : `Open record ${visibleText(recordId)}`}
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
