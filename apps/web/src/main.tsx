/** The page's entry: a pool of parse workers, the workbench state, and the app rendered. */
import { render } from 'preact';

import { applyLanguage, initialLanguage } from './i18n/language.js';
import { HuntLink, type HuntPort } from './hunt/hunter.js';
import { ParsePool, type WorkerPort } from './pool/worker-pool.js';
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
const bench = new Workbench({ pool, schedule, now: () => performance.now(), hunter });
const theme = initialTheme();
applyTheme(theme);
const language = initialLanguage();
applyLanguage(language);

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');
render(
  <App
    bench={bench}
    sampleUrl="samples/sysmon-issue43.evtx"
    initialTheme={theme}
    initialLanguage={language}
  />,
  root,
);
