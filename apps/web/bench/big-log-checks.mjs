// Does the workbench still work on a big log? The bench's e2e-style checks, each against what
// the CLI says of the same file: the exact record count, a filter's count, the outbound view's
// groups against `evtxhunt pivot`, and the findings against `evtxhunt hunt`. Too slow for
// `npm test` at 1 GB; the bench runs them and fails loudly when one does not hold.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The filter the bench types: every event of one program, in every Event ID. */
export const CHECK_QUERY = 'Image:*\\svchost.exe';
const TOP_GROUPS = 5;

function runCli(main, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (part) => out.push(part));
    child.stderr.on('data', (part) => (err += part));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`evtxhunt ${args.join(' ')}: exit ${status}: ${err}`));
      else resolve(JSON.parse(Buffer.concat(out).toString('utf8')));
    });
  });
}

/**
 * What the CLI says of `path`: the outbound pivot, the count of CHECK_QUERY and the number of
 * findings. Kept beside the log (`*.cli.json`) and reused while the log is, unless `fresh`.
 */
export async function cliFacts(main, path, fresh = false) {
  const cache = path.replace(/\.evtx$/, '.cli.json');
  if (!fresh && existsSync(cache))
    return { ...JSON.parse(readFileSync(cache, 'utf8')), reused: true };

  const pivot = await runCli(main, ['pivot', '--json', path]);
  const all = ['pivot', '--json', '--all-events', '--by', 'eventId', '--query', CHECK_QUERY, path];
  const filtered = await runCli(main, all);
  const hunt = await runCli(main, ['hunt', '--format', 'json', path]);
  const facts = {
    outbound: pivot.selected,
    groups: pivot.rows.length,
    top: pivot.rows.slice(0, TOP_GROUPS).map((row) => [row.count, row.key[1] ?? '']),
    queryCount: filtered.selected,
    findings: hunt.findings.length,
  };
  writeFileSync(cache, `${JSON.stringify(facts)}\n`);
  return { ...facts, reused: false };
}

function expectEqual(failures, what, found, expected) {
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    failures.push(
      `${what}: the page shows ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`,
    );
  }
}

const digits = (text) => Number(text.replace(/\D/g, ''));

/** Types `text` into the query box; resolves to the ms until the count line shows a result. */
async function filterTo(page, text) {
  const start = Date.now();
  await page.locator('#query').fill(text);
  await page.locator('#query').press('Enter');
  await page.waitForFunction(
    () => / of [\d,]+ events/.test(document.querySelector('.events-count')?.textContent ?? ''),
    null,
    { timeout: 600_000, polling: 100 },
  );
  return Date.now() - start;
}

async function checkFilter(page, facts, figures, failures) {
  figures.filterMs = await filterTo(page, CHECK_QUERY);
  const line = await page.locator('.events-count').innerText();
  expectEqual(failures, `filter ${CHECK_QUERY}`, digits(line.split(' of ')[0]), facts.queryCount);
  const shown = await page.locator('.table-rows [role="row"]').count();
  if (shown === 0) failures.push(`filter ${CHECK_QUERY}: no rows drawn`);
  await page.locator('#query').fill('');
  await page.locator('#query').press('Enter');
  await page.waitForFunction(
    () => !document.querySelector('.events-count')?.textContent?.includes(' of '),
  );
}

async function checkOutbound(page, facts, figures, failures) {
  const start = Date.now();
  await page.getByRole('tab', { name: 'Outbound connections' }).click();
  await page.waitForFunction(
    () => {
      const note = document.querySelector('.outbound > .hunt-note')?.textContent ?? '';
      return / in [\d,]+ groups?/.test(note) && !note.includes('counting again');
    },
    null,
    { timeout: 600_000, polling: 100 },
  );
  figures.outboundMs = Date.now() - start;
  const note = await page.locator('.outbound > .hunt-note').innerText();
  const [, connections, groups] =
    /^([\d,]+) outbound connections? in ([\d,]+) groups?/.exec(note) ?? [];
  expectEqual(failures, 'outbound connections', digits(connections ?? ''), facts.outbound);
  expectEqual(failures, 'outbound groups', digits(groups ?? ''), facts.groups);
  const top = await page.locator('.pivot tbody tr').evaluateAll(
    (rows, n) =>
      rows.slice(0, n).map((row) => {
        const cells = Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '');
        return [Number(cells[0].replace(/\D/g, '')), cells[2]];
      }),
    facts.top.length,
  );
  expectEqual(failures, 'largest outbound groups', top, facts.top);
  figures.outboundRowsDrawn = await page.locator('.pivot tbody tr').count();
}

async function checkFindings(page, facts, figures, failures) {
  const start = Date.now();
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await page.locator('.finding-item').first().waitFor({ timeout: 600_000 });
  figures.findingsMs = Date.now() - start;
  const tab = await page.getByRole('tab', { name: /^Findings/ }).innerText();
  expectEqual(failures, 'findings', digits(tab), facts.findings);
  figures.findingItemsDrawn = await page.locator('.finding-item').count();

  await page.locator('.finding-item').first().click();
  const detail = page.getByRole('region', { name: 'The open finding' });
  await detail.getByRole('heading', { level: 2 }).waitFor({ timeout: 60_000 });
  figures.firstFinding = await detail.getByRole('heading', { level: 2 }).innerText();
}

/**
 * Runs every check on a page whose files are read and hunted; resolves to the list of what
 * failed (empty when all held). Fills in the time each view took to show in `figures`.
 */
export async function checkBigLog(page, records, facts, figures) {
  const failures = [];
  expectEqual(failures, 'events', figures.events, records);
  if ((await page.locator('.table-rows [role="row"]').count()) === 0)
    failures.push('no rows drawn');
  await checkFilter(page, facts, figures, failures);
  await checkOutbound(page, facts, figures, failures);
  await checkFindings(page, facts, figures, failures);
  await page.getByRole('tab', { name: 'Events' }).click();
  return failures;
}
