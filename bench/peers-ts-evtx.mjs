// Child process of bench/peers.mjs: parses one file with @ts-evtx/core (installed in
// bench/.peers by `node bench/peers.mjs --install`, never a project dependency) and writes one
// JSON event per line to stdout, as `evtxhunt dump --format jsonl` does.
// Usage: node bench/peers-ts-evtx.mjs FILE
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const peers = fileURLToPath(new URL('.peers/node_modules/@ts-evtx/core/', import.meta.url));

/** The package's ESM entry, read from its package.json (no resolver reaches bench/.peers). */
function entry() {
  const manifest = JSON.parse(readFileSync(join(peers, 'package.json'), 'utf8'));
  const root = manifest.exports?.['.'] ?? manifest.exports;
  const target =
    (typeof root === 'string' ? root : (root?.import?.default ?? root?.import ?? root?.default)) ??
    manifest.module ??
    manifest.main;
  if (typeof target !== 'string') throw new Error('@ts-evtx/core: no entry point found');
  return pathToFileURL(join(peers, target)).href;
}

const path = process.argv[2];
if (path === undefined) {
  console.error('usage: node bench/peers-ts-evtx.mjs FILE');
  process.exit(2);
}

const core = await import(entry());
let batch = [];
const flush = () => {
  if (batch.length > 0) process.stdout.write(batch.join(''));
  batch = [];
};
// The builder streams chunk by chunk and gives structured events, like our JSONL dump.
await core.evtx(path).forEach((event) => {
  batch.push(`${JSON.stringify(event, (_, v) => (typeof v === 'bigint' ? String(v) : v))}\n`);
  if (batch.length >= 1000) flush();
});
flush();
