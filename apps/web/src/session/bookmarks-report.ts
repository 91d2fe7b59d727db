/**
 * The bookmarks written up: a Markdown report (UTC times, the fields that matter for each kind
 * of event, the process story, the note) and JSONL (one bookmark a line, every field). Every
 * value from the logs goes into the Markdown as a code span and every note or engine sentence
 * as escaped prose (see markdown-text.ts): the report can be pasted into a ticket or a wiki
 * without a value turning into markup, HTML or a link.
 * TODO: the report is written in English whatever the page's language, since it is a file for
 * others (a ticket, a wiki); writing it in the page's language would need its texts in the
 * catalogue (apps/web/src/i18n).
 */
import { describeEvent, type EventRecord, type Finding } from '@evtxhunt/hunt';

import { ProcessStarts } from '../hunt/parent-chain.js';
import type { Pacer } from '../hunt/slices.js';
import type { EventStore } from '../store/event-store.js';
import type { Bookmark } from './bookmarks.js';
import { codeSpan, proseLine, quotedNote } from './markdown-text.js';
import { reportFields } from './report-fields.js';
import { CHAIN_END_TEXT, eventStory, findingStory, type ProcessStory } from './report-story.js';

/** What a report is written from: the store and its process starts. */
export interface ReportSource {
  readonly store: EventStore;
  readonly starts: ProcessStarts;
}

/** Indexes the store's process starts for a report, in slices. */
export async function reportSource(store: EventStore, pacer: Pacer): Promise<ReportSource> {
  const starts = await ProcessStarts.index(store, pacer);
  if (starts === undefined) throw new Error('the process starts were not indexed');
  return { store, starts };
}

const STORY_STEP_NAMES: Readonly<Record<string, string>> = {
  'process-start': 'Process started',
  dns: 'DNS query',
  network: 'Connection',
  'file-create': 'File written',
};

/** The Markdown report of `bookmarks`, in their order. */
export function markdownReport(bookmarks: readonly Bookmark[], source: ReportSource): string {
  const head = [
    '# evtxhunt bookmarks',
    '',
    `${bookmarks.length} ${bookmarks.length === 1 ? 'bookmark' : 'bookmarks'}, in time order. ` +
      'Times are UTC. Values from the logs are shown as code, never as links or markup.',
  ];
  const sections = bookmarks.map((bookmark, at) => section(bookmark, at + 1, source));
  return `${[head.join('\n'), ...sections].join('\n\n')}\n`;
}

function section(bookmark: Bookmark, number: number, source: ReportSource): string {
  const { target } = bookmark;
  const parts =
    target.kind === 'event'
      ? eventParts(source.store.record(target.row), number, source)
      : findingParts(target.finding, number, source);
  if (bookmark.note.trim() !== '') parts.push(`### Note\n\n${quotedNote(bookmark.note)}`);
  return parts.join('\n\n');
}

function eventParts(record: EventRecord, number: number, source: ReportSource): string[] {
  const title = describeEvent(record.provider, record.eventId)?.title;
  const heading = `## ${number}. ${record.timeCreated ?? '(no time)'} · event ${record.eventId}`;
  const lines = [
    `- File: ${codeSpan(record.file ?? '')}, record ${codeSpan(record.recordId)}`,
    `- Computer: ${codeSpan(record.computer)}`,
    `- Provider: ${codeSpan(record.provider)}`,
    ...(record.recovered === true
      ? ['- Recovered from a damaged or deleted part of the file']
      : []),
    ...reportFields(record).map(([label, value]) => `- ${proseLine(label)}: ${codeSpan(value)}`),
  ];
  const story = eventStory(record, source.store, source.starts);
  const top = `${heading}${title === undefined ? '' : ` · ${proseLine(title)}`}`;
  return [top, lines.join('\n'), ...storyParts(story)];
}

function findingParts(finding: Finding, number: number, source: ReportSource): string[] {
  const heading = `## ${number}. ${finding.firstSeen} · finding ${proseLine(finding.kind)}`;
  const port = finding.destinationPort === undefined ? '' : `:${finding.destinationPort}`;
  const lines = [
    `- Severity: ${proseLine(finding.severity)}`,
    `- Computer: ${codeSpan(finding.computer)}`,
    ...(finding.image === undefined ? [] : [`- Image: ${codeSpan(finding.image)}`]),
    ...(finding.destinationIp === undefined
      ? []
      : [`- Destination: ${codeSpan(`${finding.destinationIp}${port}`)}`]),
    ...(finding.sourceIp === undefined ? [] : [`- Source: ${codeSpan(finding.sourceIp)}`]),
    `- Seen: ${finding.count} ${finding.count === 1 ? 'time' : 'times'}, ` +
      `${finding.firstSeen} to ${finding.lastSeen}`,
    `- Why: ${proseLine(finding.why)}`,
  ];
  const story = findingStory(finding, source.store, source.starts);
  return [`${heading} (${proseLine(finding.severity)})`, lines.join('\n'), ...storyParts(story)];
}

/** The story as its own sub-section: the finding's steps, then the parent chain. */
function storyParts(story: ProcessStory | undefined): string[] {
  if (story === undefined) return [];
  const parts = ['### Process story'];
  if (story.steps.length > 0) {
    const steps = story.steps.map(
      (step, at) =>
        `${at + 1}. ${STORY_STEP_NAMES[step.step] ?? proseLine(step.step)} at ${step.time}, ` +
        `record ${codeSpan(step.evidence.recordId)}: ${codeSpan(step.summary)}`,
    );
    parts.push(steps.join('\n'));
  }
  if (story.chain.length > 0) {
    parts.push(chainLines(story).join('\n'));
    if (story.end !== undefined) parts.push(CHAIN_END_TEXT[story.end]);
  }
  return parts;
}

/** The parent chain, oldest process first. */
function chainLines(story: ProcessStory): string[] {
  const last = story.chain.length - 1;
  return story.chain.map((process, at) => {
    const image = process.image === undefined ? '(image unknown)' : codeSpan(process.image);
    const command = process.commandLine === undefined ? '' : `, ${codeSpan(process.commandLine)}`;
    const start =
      process.startRecordId === undefined
        ? 'start not in the logs'
        : `started in record ${codeSpan(process.startRecordId)}`;
    return `${at + 1}. ${image}${command} (${at === last ? 'this process; ' : ''}${start})`;
  });
}

/** One JSON line per bookmark: the whole event or finding, its note and its process story. */
export function jsonlReport(bookmarks: readonly Bookmark[], source: ReportSource): string {
  return bookmarks.map((bookmark) => `${JSON.stringify(jsonOf(bookmark, source))}\n`).join('');
}

function jsonOf(bookmark: Bookmark, source: ReportSource): object {
  const { target, note } = bookmark;
  if (target.kind === 'finding') {
    const story = findingStory(target.finding, source.store, source.starts);
    return { bookmark: 'finding', note, finding: target.finding, processChain: story?.chain };
  }
  const record = source.store.record(target.row);
  const story = eventStory(record, source.store, source.starts);
  return { bookmark: 'event', note, record, processChain: story?.chain };
}
