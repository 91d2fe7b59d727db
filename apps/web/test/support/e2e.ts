/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (never a browser
 * download), `evtxhunt web --port 0` started as a child process, and a record of every request
 * and console error of the session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { REPO } from './paths.js';

/** Where the tests look for Chromium: Debian's package. */
export const CHROMIUM = process.env['EVTXHUNT_CHROMIUM'] ?? '/usr/bin/chromium';

/** Why browser tests skip, or false when Chromium is there. */
export const SKIP_BROWSER = existsSync(CHROMIUM)
  ? false
  : `Chromium not found at ${CHROMIUM}; run scripts/ensure-chromium.sh (as root) to run the browser tests`;

/** Screenshots and timings of the browser tests (gitignored). */
export const ARTIFACTS = `${REPO}apps/web/test-artifacts`;

// Flags that keep Chromium from calling home on a closed network; --no-sandbox because CI is root.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** A running `evtxhunt web`. */
export interface WebServer {
  readonly url: string;
  readonly origin: string;
  stop(): void;
}

/** Starts `evtxhunt web --port 0` and resolves once it prints its address. */
export function startWeb(): Promise<WebServer> {
  const main = `${REPO}packages/cli/dist/src/main.js`;
  const child = spawn(process.execPath, [main, 'web', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (part: Buffer) => {
      printed += part.toString('utf8');
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed);
      if (found) resolve(server(child, found[0]));
    });
    child.stderr.on('data', (part: Buffer) => (printed += part.toString('utf8')));
    child.on('exit', (status) => reject(new Error(`evtxhunt web exited ${status}: ${printed}`)));
  });
}

function server(child: ChildProcess, url: string): WebServer {
  return { url, origin: new URL(url).origin, stop: () => void child.kill() };
}

/** Everything the session asked for and complained about. */
export interface SessionLog {
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
}

/** Chromium and one context whose every request and console error is logged. */
export async function openBrowser(): Promise<{
  browser: Browser;
  context: BrowserContext;
  log: SessionLog;
}> {
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  // English is the page's default here whatever the machine's locale: tests find elements by
  // their English names.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  });
  const log: SessionLog = { requests: [], consoleErrors: [], pageErrors: [] };
  context.on('request', (request) => void log.requests.push(request.url()));
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') log.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => void log.pageErrors.push(error.message));
  });
  return { browser, context, log };
}

/** Clicks an export button; resolves to the downloaded file's suggested name and text. */
export async function downloadExport(
  page: Page,
  button: string,
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}
