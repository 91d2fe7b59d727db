/**
 * The HTML report laid out by a real browser: headless Chromium at 1100 x 900, the width a user
 * found the network pivot running off the page at. Skips where Chromium is not installed. The
 * copy the browser loads has a measuring script added and the CSP that would block it removed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { renderHtmlReport } from '../../src/report/html.js';
import { SWEEP, pivotFiller, sampleReport } from './sample-report.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set CHROMIUM to one)`;

/** What the page measures about itself once loaded. */
interface Layout {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly pageWidth: number;
  readonly boxes: readonly {
    readonly section: string;
    readonly client: number;
    readonly scroll: number;
    readonly height: number;
  }[];
}

const PROBE = `<script>
addEventListener('load', () => {
  const boxes = [...document.querySelectorAll('.table-scroll')].map((box) => ({
    section: box.closest('section').id,
    client: box.clientWidth,
    scroll: box.scrollWidth,
    height: box.getBoundingClientRect().height,
  }));
  const layout = {
    viewport: { width: innerWidth, height: innerHeight },
    pageWidth: document.documentElement.scrollWidth,
    boxes,
  };
  const out = document.createElement('pre');
  out.id = 'layout';
  out.textContent = JSON.stringify(layout);
  document.body.append(out);
});
</script>`;

async function layoutOf(html: string): Promise<Layout> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-layout-'));
  const page = join(dir, 'report.html');
  const probed = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace('</body>', `${PROBE}</body>`);
  await writeFile(page, probed);

  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1100,900'];
  const extra = ['--virtual-time-budget=3000', '--dump-dom', `file://${page}`];
  try {
    const run = await promisify(execFile)(CHROMIUM, [...args, ...extra], { timeout: 60_000 });
    const json = /<pre id="layout">(.*?)<\/pre>/s.exec(run.stdout)?.[1];
    assert.ok(json !== undefined, 'the page did not report its layout');
    return JSON.parse(json) as Layout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test(
  'HTML report at 1100 px: nothing runs off the page, the pivot fits',
  { skip: SKIP },
  async () => {
    const layout = await layoutOf(
      renderHtmlReport(sampleReport(), { title: 't', generatedAt: '2024-05-02T10:00:00Z' }),
    );

    assert.equal(layout.viewport.width, 1100);
    assert.ok(layout.pageWidth <= layout.viewport.width, `page is ${layout.pageWidth} px wide`);
    const pivot = layout.boxes.find((box) => box.section === 'pivot');
    assert.ok(pivot !== undefined);
    assert.ok(pivot.scroll <= pivot.client, `pivot needs ${pivot.scroll} px of ${pivot.client}`);
  },
);

test(
  'HTML report: a long pivot keeps its scroll box within the window',
  { skip: SKIP },
  async () => {
    const report = { ...sampleReport(), pivot: pivotFiller(300) };
    const layout = await layoutOf(renderHtmlReport(report, { title: 't', generatedAt: 'now' }));
    const pivot = layout.boxes.find((box) => box.section === 'pivot');

    assert.ok(pivot !== undefined);
    assert.ok(pivot.height <= layout.viewport.height * 0.8 + 2, `box is ${pivot.height} px tall`);
    assert.ok(layout.pageWidth <= layout.viewport.width);
  },
);

test(
  'HTML report: a 3000-character destination or GUID wraps inside the card',
  { skip: SKIP },
  async () => {
    const long = {
      ...SWEEP,
      destinations: ['x'.repeat(3000)],
      processGuids: ['a'.repeat(3000), 'b'],
    };
    const report = { ...sampleReport(), findings: [long] };
    const layout = await layoutOf(renderHtmlReport(report, { title: 't', generatedAt: 'now' }));

    assert.ok(layout.pageWidth <= layout.viewport.width, `page is ${layout.pageWidth} px wide`);
  },
);
