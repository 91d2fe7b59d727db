// Runs `node --test` on the compiled tests of every package that has them (packages/*/dist/test),
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

const dirs = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name, 'dist', 'test'))
  .filter((dir) => existsSync(dir));
const files = dirs.flatMap(testFiles).sort();

if (files.length === 0) {
  console.error('run-tests: no compiled tests under packages/*/dist/test; run `npm run build`');
  process.exit(1);
}

const run = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
