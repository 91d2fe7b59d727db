// Runs `node --test` on the compiled tests of every package and app that has them
// (packages/*/dist/test, apps/*/dist/test),
// inheriting stdio, and exits with the runner's status. Called by `npm test` after the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => join(dir, name));
}

const dirs = ['packages', 'apps']
  .filter((group) => existsSync(join(root, group)))
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .map((dir) => join(dir, 'dist', 'test'))
  .filter((dir) => existsSync(dir));
const files = dirs.flatMap(testFiles).sort();

if (files.length === 0) {
  console.error(
    'run-tests: no compiled tests under packages/*/dist/test or apps/*/dist/test; run `npm run build`',
  );
  process.exit(1);
}

const run = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
