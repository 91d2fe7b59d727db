// Generated Sysmon logs for the browser benches: packages/generate's seeded log (20 hosts,
// Sysmon 1/3/5/7/10/11/13/22, labelled beacons, downloads and lateral movement), written once
// to a cache folder in the system's temp folder and reused by later runs, since a 1 GB log takes
// a minute or two to write. A log is reused only when its sidecar (records, bytes) matches the
// file on disk; delete the folder (or pass --fresh to the bench) to write it again.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeGeneratedLog } from '@evtxhunt/generate/node';

/** Where generated logs are kept between runs. */
export const GENERATED_DIR = process.env.EVTXHUNT_GENERATED ?? join(tmpdir(), 'evtxhunt-generated');

/**
 * The log of `seed` of about `megabytes` MB (10^6 bytes, as bench:scale counts), written when
 * not cached: resolves to { path, bytes, records, seed, reused }.
 */
export function generatedLog(seed, megabytes, { fresh = false } = {}) {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const path = join(GENERATED_DIR, `seed${seed}-${megabytes}MB.evtx`);
  const sidecar = path.replace(/\.evtx$/, '.json');
  if (fresh) rmSync(path, { force: true });

  const cached = readSidecar(path, sidecar);
  if (cached !== undefined) return { ...cached, path, reused: true };

  const log = writeGeneratedLog(path, { seed, sizeBytes: megabytes * 1e6 });
  const facts = { seed, megabytes, bytes: log.bytes, records: log.records };
  writeFileSync(sidecar, `${JSON.stringify(facts)}\n`);
  return { ...facts, path, reused: false };
}

function readSidecar(path, sidecar) {
  if (!existsSync(path) || !existsSync(sidecar)) return undefined;
  const facts = JSON.parse(readFileSync(sidecar, 'utf8'));
  return facts.bytes === statSync(path).size ? facts : undefined;
}
