import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { BeaconDetail, Finding, HuntReport } from '../../src/report/hunt-types.js';
import { REPORT_CSP, renderHtmlReport } from '../../src/report/html.js';
import { readTags, type Tag } from './html-check.js';
import {
  BEACON,
  EVIL,
  EVIL_IN_HTML,
  LOLBIN_INBOUND,
  SWEEP,
  hostileReport,
  pivotFiller,
  sampleReport,
  taint,
} from './sample-report.js';

const OPTIONS = { title: 'Hunt: WS-FIN-07', generatedAt: '2024-05-02T10:00:00.000Z' } as const;

/** The markup between the first `<tag` with this class and its end tag (no nesting of it). */
function element(html: string, tag: string, cls: string): string {
  const start = html.indexOf(`<${tag} class="${cls}"`);
  assert.ok(start >= 0, `no <${tag} class="${cls}">`);
  return html.slice(start, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}

function withBeacon(beacon: Partial<BeaconDetail>): HuntReport {
  const finding: Finding = { ...BEACON, beacon: { ...(BEACON.beacon as BeaconDetail), ...beacon } };
  return { ...sampleReport(), findings: [finding] };
}

/** Every tag in the document, text left out: where markup from data would show up. */
function markupOnly(html: string): string {
  return html.match(/<[^>]*>/g)?.join('') ?? '';
}

test('renderHtmlReport writes one well-formed, self-contained document', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const tags = readTags(html);
  const names = tags.map((tag) => tag.name);

  assert.equal(names.filter((name) => name === 'html').length, 1);
  assert.equal(names.filter((name) => name === 'article').length, 4);
  assert.equal(names.filter((name) => name === 'style').length, 1);
  assert.ok(!names.includes('script') && !names.includes('img') && !names.includes('link'));
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
  assert.ok(REPORT_CSP.startsWith("default-src 'none'; style-src 'unsafe-inline';"));
  assert.ok(html.includes('<title>Hunt: WS-FIN-07</title>'));
  assert.ok(html.includes('Generated 2024-05-02T10:00:00.0000000Z by evtxhunt.'));
  // Every time is ISO-8601 with Z, none in the `2018-02-14 09:51:19 UTC` spelling.
  assert.doesNotMatch(html, /\d{2}:\d{2}:\d{2}(\.\d+)? UTC/);
  assert.doesNotMatch(html, /\d{4}-\d{2}-\d{2} \d{2}:/);
});

test('renderHtmlReport links only within the document and loads nothing', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const tags = readTags(html);
  const hrefs = tags.flatMap((tag) => [...tag.attributes].filter(([name]) => name === 'href'));

  assert.deepEqual(
    hrefs.map(([, value]) => value),
    ['#summary', '#input', '#findings', '#suppressed', '#coverage', '#pivot'],
  );
  assert.ok(tags.every((tag) => !tag.attributes.has('src') && !tag.attributes.has('xmlns')));
  assert.ok(!/https?:/.test(markupOnly(html)));
  assert.ok(!/url\(|@import/.test(html));
});

test('renderHtmlReport summarises the hunt with severity chips', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);

  assert.ok(html.includes('<dt>Records read</dt><dd>12873</dd>'));
  assert.ok(html.includes('<dd>3310 (Sysmon Event ID 3)</dd>'));
  assert.ok(
    html.includes(
      '<dd>2024-05-01T07:58:12.0000000Z to 2024-05-01T09:10:00.0000000Z (71.8 min)</dd>',
    ),
  );
  assert.ok(html.includes('<span class="chip sev-critical">1 critical</span>'));
  assert.ok(html.includes('<span class="chip sev-high">2 high</span>'));
  assert.ok(html.includes('By kind: 1 beacon, 1 chain, 1 inbound-admin-port, 1 lolbin-outbound'));
});

test('renderHtmlReport shows findings most severe first with why, facts and evidence', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const order = [...html.matchAll(/<article class="finding (sev-\w+)" id="finding-(\d)">/g)];
  const lolbin = element(html, 'article', 'finding sev-high');

  assert.deepEqual(
    order.map(([, cls, n]) => `${n} ${cls}`),
    ['1 sev-critical', '2 sev-high', '3 sev-high', '4 sev-medium'],
  );
  assert.ok(lolbin.includes('<span class="kind">lolbin-outbound</span>'));
  assert.ok(lolbin.includes('a signed Windows binary often used to run attacker DLLs'));
  assert.ok(lolbin.includes('<code>C:\\Windows\\System32\\rundll32.exe</code>'));
  assert.ok(lolbin.includes('<code>198.51.100.23:443 (queried cdn-update.example.net)</code>'));
  assert.ok(lolbin.includes('<dt>First seen</dt><dd>2024-05-01T08:03:00.0000000Z</dd>'));
  assert.ok(lolbin.includes('<details class="evidence"><summary>3 evidence events</summary>'));
  assert.ok(
    lolbin.includes(
      '<li>Microsoft-Windows-Sysmon%4Operational.evtx #5120, Event ID 3, ' +
        '2024-05-01T08:03:00.0000000Z</li><li>#5121, Event ID 3,',
    ),
  );
});

test('renderHtmlReport draws a beacon histogram: a bar per non-empty bin, the median marked', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const svg = element(html, 'svg', 'histogram');
  const bars = [...svg.matchAll(/<rect class="bar"[^>]*><title>([^<]*)<\/title><\/rect>/g)];

  assert.equal(bars.length, 6);
  assert.equal(bars[2]?.[1], '60 s to 65 s: 20 intervals');
  assert.equal(bars[5]?.[1], '80 s to 85 s: 1 interval');
  assert.ok(svg.includes('>median 60 s</text>'));
  assert.match(svg, /<line class="median" x1="453.4" x2="453.4"/);
  assert.ok(svg.includes('>0 s</text>') && svg.includes('>75 s</text>'));
  assert.ok(html.includes('<dt>Median interval</dt><dd>60 s</dd><dt>Jitter</dt><dd>±12%</dd>'));
  assert.ok(html.includes('<dd>regularity 0.95, count 0.88, span 0.90</dd>'));
});

test('renderHtmlReport labels a minutes-long histogram axis in minutes', () => {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 7, 4, 2, 1];
  const report = withBeacon({
    medianIntervalMs: 300_000,
    histogram: { binWidthMs: 30_000, counts },
  });

  const svg = element(renderHtmlReport(report, OPTIONS), 'svg', 'histogram');
  const labels = [...svg.matchAll(/text-anchor="middle">([^<]*)</g)].map(([, label]) => label);

  assert.deepEqual(labels, ['0 s', '2 min', '4 min', '6 min', 'median 5 min']);
  assert.equal([...svg.matchAll(/<rect class="bar"/g)].length, 6);
});

test('renderHtmlReport writes a note instead of an empty histogram', () => {
  const report = withBeacon({ histogram: { binWidthMs: 0, counts: [] } });

  const html = renderHtmlReport(report, OPTIONS);

  assert.ok(!html.includes('<svg'));
  assert.ok(html.includes('<p class="note">No interval histogram.</p>'));
});

test('renderHtmlReport draws a chain story as a timeline of its steps', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const timeline = element(html, 'ol', 'timeline');
  const steps = [...timeline.matchAll(/<li class="step (step-\w+)">/g)].map(([, cls]) => cls);

  assert.deepEqual(steps, ['step-process', 'step-dns', 'step-network', 'step-file']);
  assert.ok(
    timeline.includes(
      '<span class="when">2024-05-01T08:01:00.4000000Z</span><span class="step-kind">dns</span>' +
        '<code class="summary">update-check.example.org -&gt; 203.0.113.77</code>' +
        '<span class="ref">#4411</span>',
    ),
  );
  assert.ok(timeline.includes('DownloadString(&#39;http://203.0.113.77:8443/a&#39;)&quot;'));
});

test('renderHtmlReport shows suppressed rules, coverage and the pivot', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);

  assert.ok(html.includes('<p>14 findings suppressed by 1 rule.</p>'));
  assert.ok(
    html.includes(
      '<td class="number">14</td><td class="number">3</td>' +
        '<td class="token">image=C:\\<wbr>Program Files\\<wbr>Microsoft OneDrive\\<wbr>OneDrive.<wbr>exe</td>' +
        '<td>beacon, user-writable-outbound</td>',
    ),
  );
  assert.ok(html.includes('<p>From the Sysmon configuration sysmonconfig-export.xml.</p>'));
  assert.ok(
    html.includes(
      '<td class="token">bitsadmin.<wbr>exe</td><td>no NetworkConnect include rule names it</td>',
    ),
  );
  assert.ok(html.includes('<p>3 rows, largest first.</p>'));
  assert.ok(
    html.includes(
      '<td class="number">48</td><td class="token">WS-FIN-07.<wbr>corp.<wbr>example</td>',
    ),
  );
});

test('renderHtmlReport puts every table in a scrolling box, times on lines of their own', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const pivot = html.slice(html.indexOf('<section id="pivot">'));

  assert.equal(
    [...html.matchAll(/<table>/g)].length,
    [...html.matchAll(/<div class="table-scroll"><table>/g)].length,
  );
  assert.equal([...html.matchAll(/<div class="table-scroll">/g)].length, 3);
  assert.ok(pivot.includes('<th scope="col">First and last seen</th></tr>'));
  assert.ok(
    pivot.includes(
      '<td class="time">2024-05-01T08:10:00.0000000Z<br>2024-05-01T08:57:00.0000000Z</td>',
    ),
  );
  // The box scrolls both ways but is never taller than most of the window, so its horizontal
  // scroll bar stays in view; the heading row stays put.
  assert.match(html, /\.table-scroll \{ overflow: auto; max-height: 80vh;/);
  assert.match(html, /\.table-scroll thead th \{ position: sticky; top: 0; \}/);
});

test('renderHtmlReport lets paths wrap at separators without changing the text they copy as', () => {
  const html = renderHtmlReport(sampleReport(), OPTIONS);
  const image = 'C:\\Users\\alice\\AppData\\Local\\Temp\\OneDriveUpdate.exe';
  const cell = `<td class="token">${image.replace(/(?<=[\\.])/g, '<wbr>')}</td>`;

  assert.ok(html.includes(cell), cell);
  assert.equal(cell.replace(/<[^>]*>/g, ''), image);
});

test('renderHtmlReport caps the pivot and says how many rows were left out', () => {
  const report = { ...sampleReport(), pivot: pivotFiller(40).concat(pivotFiller(480)) };

  const html = renderHtmlReport(report, OPTIONS);
  const pivot = html.slice(html.indexOf('<section id="pivot">'));

  assert.ok(pivot.includes('<p>Top 500 of 520 rows (20 left out).</p>'));
  assert.equal([...pivot.matchAll(/<tr>/g)].length, 501);
});

test('renderHtmlReport escapes markup, attribute breakouts and schemes from every field', () => {
  const html = renderHtmlReport(hostileReport(), { title: taint('title'), generatedAt: EVIL });
  const tags: Tag[] = readTags(html);
  const markup = markupOnly(html);

  assert.ok(!/<script/i.test(html));
  assert.ok(!html.includes('onmouseover="'));
  assert.ok(tags.every((tag) => !tag.attributes.has('onmouseover')));
  assert.ok(!markup.includes('javascript:') && !markup.includes('alert'));
  assert.ok(!html.includes('\x1b') && !html.includes('\r') && !html.includes('\u202e'));
  assert.ok(html.includes(`<title>title${EVIL_IN_HTML}</title>`));
  assert.ok(html.includes(`<span class="computer">on computer${EVIL_IN_HTML}</span>`));
  assert.ok(html.includes(`<code class="summary">summary${EVIL_IN_HTML}</code>`));
});

test('renderHtmlReport never builds a class from a report value', () => {
  const html = renderHtmlReport(hostileReport(), OPTIONS);
  const classes = readTags(html).flatMap((tag) => tag.attributes.get('class') ?? []);

  assert.ok(classes.every((cls) => /^[a-z -]+$/.test(cls)));
  assert.ok(html.includes('<article class="finding sev-unknown" id="finding-5">'));
  assert.ok(html.includes(`<span class="chip sev-unknown">1 sev${EVIL_IN_HTML}</span>`));
});

test('renderHtmlReport escapes hostile text inside the SVG title', () => {
  const svg = element(renderHtmlReport(hostileReport(), OPTIONS), 'svg', 'histogram');

  assert.ok(
    svg.includes(
      `<title>Intervals between connections: C:\\Temp\\${EVIL_IN_HTML} to ` +
        `[203.0.113.9${EVIL_IN_HTML}]:8443</title>`,
    ),
  );
});

/** A value as listFact writes it: its own `<code>`, kept whole unless longer than a line. */
const item = (value: string): string => `<code class="item">${value}</code>`;

test('renderHtmlReport shows every ProcessGuid, the sweep destinations and the kinds also matched', () => {
  const html = renderHtmlReport({ ...sampleReport(), findings: [SWEEP] }, OPTIONS);
  const addresses = Array.from({ length: 12 }, (_unused, i) => `10.0.4.${21 + i}`);
  const guids = [
    '{6f1c2a7e-5a10-6632-4c01-000000000b00}',
    '{6f1c2a7e-5a44-6632-4d01-000000000b00}',
    '{6f1c2a7e-5a71-6632-4e01-000000000b00}',
  ];

  assert.ok(html.includes(`<dt>Process GUIDs</dt><dd>3: ${guids.map(item).join(', ')}</dd>`));
  assert.ok(
    html.includes(
      `<dt>Destinations</dt><dd>12 addresses on port 445: ${addresses.map(item).join(', ')}</dd>`,
    ),
  );
  assert.ok(html.includes('<dt>Also matches</dt><dd>lolbin-outbound</dd>'));
  assert.match(html, /code\.item \{ display: inline-block; max-width: 100%; \}/);
});

test('renderHtmlReport shows a lolbin-inbound finding, without a lone ProcessGuid list', () => {
  const html = renderHtmlReport({ ...sampleReport(), findings: [LOLBIN_INBOUND] }, OPTIONS);

  assert.ok(html.includes('<span class="kind">lolbin-inbound</span>'));
  assert.ok(html.includes('<dt>Source</dt><dd><code>198.51.100.77</code></dd>'));
  assert.ok(!html.includes('Process GUIDs') && !html.includes('Also matches'));
  assert.ok(!html.includes('<dt>Destinations</dt>'));
});

test('renderHtmlReport counts destinations past the list limit', () => {
  const many = Array.from({ length: 205 }, (_unused, i) => `10.1.0.${i}`);
  const finding: Finding = { ...SWEEP, destinations: many };
  const html = renderHtmlReport({ ...sampleReport(), findings: [finding] }, OPTIONS);
  const plain = html.replace(/<code class="item">|<\/code>/g, '');

  assert.match(
    plain,
    /<dt>Destinations<\/dt><dd>205 addresses on port 445: 10\.1\.0\.0, .*, 10\.1\.0\.199 and 5 more<\/dd>/,
  );
  assert.equal([...html.matchAll(/<code class="item">10\.1\.0\./g)].length, 200);
});

test('renderHtmlReport escapes ProcessGuids, destinations and kinds also matched', () => {
  const html = renderHtmlReport(hostileReport(), OPTIONS);

  assert.ok(
    html.includes(`<dd>2: ${item(`guid-1${EVIL_IN_HTML}`)}, ${item(`guid-2${EVIL_IN_HTML}`)}`),
  );
  assert.ok(html.includes(`${item(`10.0.0.2${EVIL_IN_HTML}`)}</dd>`));
  assert.ok(html.includes(`<dt>Also matches</dt><dd>kind${EVIL_IN_HTML}</dd>`));
  assert.ok(!/<script/i.test(html));
});

test('renderHtmlReport counts the evidence the engine left out past its limit', () => {
  const report = sampleReport();
  const [first, ...rest] = report.findings;
  if (first === undefined) throw new Error('the sample has findings');
  const cut = { ...first, evidence: first.evidence.slice(0, 2), evidenceOmitted: 998 };
  const html = renderHtmlReport({ ...report, findings: [cut, ...rest] }, OPTIONS);

  assert.ok(html.includes('<summary>1000 evidence events</summary>'));
  assert.ok(html.includes('>and 998 more</li>'));
});
