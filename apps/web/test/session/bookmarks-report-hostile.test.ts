/**
 * The Markdown report of every event and finding of the generator's hostile log (markup,
 * scripts, `javascript:` URLs, terminal escapes, bidi overrides in its fields and computer
 * name), with a hostile note on each: outside code spans, nothing is left that Markdown would
 * read as HTML, a link or a block of its own.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';

import { hostileSysmonLog } from '@evtxhunt/generate';
import { HuntEngine, defaultKnowledge } from '@evtxhunt/hunt';

import { Bookmarks } from '../../src/session/bookmarks.js';
import { eventStarrable, findingStarrable } from '../../src/session/bookmarks-open.js';
import { markdownReport, reportSource } from '../../src/session/bookmarks-report.js';
import { EventStore } from '../../src/store/event-store.js';
import { parseBytes } from '../support/parse.js';

const REMOTE = 'http://127.0.0.2:9';
const NOTE =
  '</textarea><script>x()</script>\n[link](http://evil.example) ![i](x.png)\n    www.a.b';
const PACER = { now: () => 0, pause: async () => undefined };

let report = '';

before(async () => {
  const store = new EventStore();
  const { rows } = await parseBytes(hostileSysmonLog(REMOTE), '<b>x</b>.evtx');
  store.append(store.addFile('<b>x</b>.evtx'), rows);
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  const bookmarks = new Bookmarks();
  for (let row = 0; row < store.rowCount; row++) {
    engine.add(store.record(row));
    const { target, time } = eventStarrable(store, row);
    bookmarks.toggle(target, time);
  }
  for (const finding of engine.report().findings) {
    const { target, time } = findingStarrable(finding);
    bookmarks.toggle(target, time);
  }
  for (const bookmark of bookmarks.list.value) bookmarks.setNote(bookmark.key, NOTE);
  report = markdownReport(bookmarks.list.value, await reportSource(store, PACER));
});

/** A line with its code spans (a run of backticks up to the same run) taken out. */
function outsideCode(line: string): string {
  return line.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

/** Punctuation not escaped by a backslash. */
function bare(text: string, marks: string): string[] {
  const found: string[] = [];
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (marks.includes(text[at] ?? '')) found.push(`${text[at]} in ${text}`);
  }
  return found;
}

test('markdownReport of the hostile log has every event and finding', () => {
  assert.equal((report.match(/^## \d+\. .* · event \d+/gm) ?? []).length, 7);
  assert.ok((report.match(/^## \d+\. .* · finding /gm) ?? []).length >= 1);
});

test('markdownReport leaves no markup, HTML, link or autolink outside code spans', () => {
  const lines = report.split('\n').map(outsideCode);
  assert.deepEqual(
    lines.flatMap((line) => bare(line.replace(/^(#{1,3} |- |\d+\. |> ?)/, ''), '<>[]!`&*_')),
    [],
  );
  assert.deepEqual(
    lines.filter((line) => /https?:|www\.|javascript:/i.test(line)),
    [],
  );
});

test('markdownReport starts every line as one of its own blocks', () => {
  const kinds = /^(# evtxhunt bookmarks|\d+ bookmarks, |## \d+\. |### |- |\d+\. |> |>$|The |$)/;
  assert.deepEqual(
    report.split('\n').filter((line) => !kinds.test(line)),
    [],
  );
});

test('markdownReport keeps control characters and line breaks out of the text', () => {
  assert.doesNotMatch(
    report,
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
  );
  assert.match(report, /\\u\{202e\}txt\.exe/);
});
