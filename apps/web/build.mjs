// Builds the static site into apps/web/site: the page, its stylesheets (ours and uPlot's), the
// app and parse-worker bundles, and the bundled sample log. Run after `tsc -b` has built the
// packages it imports.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const site = `${here}site`;

const common = {
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  tsconfig: `${here}tsconfig.json`,
  logLevel: 'warning',
};

await rm(site, { recursive: true, force: true });
await mkdir(`${site}/samples`, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: [`${here}src/main.tsx`], outfile: `${site}/app.js` }),
  build({
    ...common,
    entryPoints: [`${here}src/worker/parse-worker.ts`],
    outfile: `${site}/parse-worker.js`,
  }),
  build({
    ...common,
    entryPoints: [`${here}src/hunt/hunt-worker.ts`],
    outfile: `${site}/hunt-worker.js`,
  }),
  build({
    ...common,
    entryPoints: [`${here}src/session/hash-worker.ts`],
    outfile: `${site}/hash-worker.js`,
  }),
  copyFile(`${here}static/index.html`, `${site}/index.html`),
  copyFile(`${here}static/styles.css`, `${site}/styles.css`),
  copyFile(`${here}static/favicon.svg`, `${site}/favicon.svg`),
  copyFile(createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css'), `${site}/uplot.css`),
  copyFile(`${here}../../samples/sysmon-issue43.evtx`, `${site}/samples/sysmon-issue43.evtx`),
]);
