/**
 * The process story of a bookmark, as the workbench tells it: for an event of a Sysmon process
 * (it has a ProcessGuid), the parent chain from the loaded process starts; for a chain finding,
 * the engine's story steps and the chain of its process.
 */
import { SYSMON_PROVIDER, type EventRecord, type Finding, type StoryStep } from '@evtxhunt/hunt';

import type { ProcessChain, ProcessStarts } from '../hunt/parent-chain.js';
import type { EventStore } from '../store/event-store.js';

/** One process of a chain, oldest first, with the record id of its start when it was found. */
export interface StoryProcess {
  readonly image: string | undefined;
  readonly commandLine: string | undefined;
  readonly processGuid: string | undefined;
  readonly startRecordId: string | undefined;
}

/** A bookmark's story: steps (findings only) and the parent chain with how it ends. */
export interface ProcessStory {
  readonly steps: readonly StoryStep[];
  readonly chain: readonly StoryProcess[];
  readonly end: ProcessChain['end'] | undefined;
}

/** How each end of a chain reads in a report (English; the page's words are in the catalogue). */
export const CHAIN_END_TEXT: Readonly<Record<ProcessChain['end'], string>> = {
  root: 'The oldest process above has no parent in its start event.',
  'start-not-logged': 'The start of the oldest process above is not in the loaded logs.',
  cycle: 'The parents named each other in a loop; the chain stops there.',
  'depth-limit': 'The chain is cut at the depth limit.',
};

/** The story of an event; undefined when it is not a Sysmon process's event. */
export function eventStory(
  record: EventRecord,
  store: EventStore,
  starts: ProcessStarts,
): ProcessStory | undefined {
  const guid = record.data['ProcessGuid'];
  if (record.provider !== SYSMON_PROVIDER || typeof guid !== 'string' || guid === '')
    return undefined;
  // The event names its own process's image, for when that process's start is not loaded.
  const image = record.data['Image'];
  const own = typeof image === 'string' && image !== '' ? image : undefined;
  return { steps: [], ...chainOf(starts.chain(record.computer, guid, own), store) };
}

/** The story of a finding; undefined when it has neither steps nor a process. */
export function findingStory(
  finding: Finding,
  store: EventStore,
  starts: ProcessStarts,
): ProcessStory | undefined {
  const steps = finding.story ?? [];
  const guid = finding.processGuid;
  if (guid === undefined) {
    return steps.length === 0 ? undefined : { steps, chain: [], end: undefined };
  }
  return { steps, ...chainOf(starts.chain(finding.computer, guid, finding.image), store) };
}

function chainOf(chain: ProcessChain, store: EventStore): Omit<ProcessStory, 'steps'> {
  const processes = chain.links.map((link) => ({
    image: link.image,
    commandLine: link.commandLine,
    processGuid: link.processGuid,
    startRecordId: link.row === undefined ? undefined : store.cell(link.row, 'recordId'),
  }));
  return { chain: processes, end: chain.end };
}
