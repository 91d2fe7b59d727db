/** The page's entry: a pool of parse workers, the workbench state, and the app rendered. */
import { render } from 'preact';

import { applyLanguage, initialLanguage } from './i18n/language.js';
import { HuntLink, type HuntPort } from './hunt/hunter.js';
import { ParsePool, type WorkerPort } from './pool/worker-pool.js';
import { FileHasher, type HashPort } from './session/hasher.js';
import { KeptLogs } from './session/kept-logs.js';
import { SavedSearches } from './session/saved-searches.js';
import { openSessionDb } from './session/session-db.js';
import { SessionKeeper } from './session/sessions.js';
import { Workbench, type Schedule } from './session/workbench.js';
import { App } from './ui/app.js';
import { applyTheme, initialTheme } from './ui/theme.js';

const MAX_WORKERS = 4;

const schedule: Schedule = (task, delayMs) => {
  if (delayMs > 0) setTimeout(task, delayMs);
  else requestAnimationFrame(() => task());
};

const workers = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, MAX_WORKERS));
const pool = new ParsePool(() => new Worker('parse-worker.js') as unknown as WorkerPort, workers);
// Workers start now, not at the first file, so files still open once the server is gone.
pool.warm();
const hunter = new HuntLink(new Worker('hunt-worker.js') as unknown as HuntPort);
const hasher = new FileHasher(new Worker('hash-worker.js') as unknown as HashPort);
const bench = new Workbench({ pool, schedule, now: () => performance.now(), hunter, hasher });
const theme = initialTheme();
applyTheme(theme);
const language = initialLanguage();
applyLanguage(language);

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');
const db = openSessionDb(sessionDbFactory());
const sessions = {
  keeper: new SessionKeeper(bench, db, schedule),
  saved: new SavedSearches(bench, db),
  logs: new KeptLogs(bench, db),
};
render(
  <App
    bench={bench}
    sessions={sessions}
    sampleUrl="samples/sysmon-issue43.evtx"
    initialTheme={theme}
    initialLanguage={language}
  />,
  root,
);

/** The page's IndexedDB, or undefined where reading it is refused (some private modes throw). */
function sessionDbFactory(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}
