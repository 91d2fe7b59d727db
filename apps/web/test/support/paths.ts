/** Paths the web app's tests read: the repository, its bundled sample and the shared corpus. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in apps/web/dist/test/support. */
export const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));

/** The bundled sample: python-evtx's tests/data/issue_43.evtx, 1730 Sysmon records. */
export const ISSUE43 = `${REPO}samples/sysmon-issue43.evtx`;

/** packages/formats' fixtures: small real exports, their origin in the README beside them. */
export const FORMATS_FIXTURES = `${REPO}packages/formats/test/fixtures`;

/** The shared folder: $EVTXHUNT_SHARED, else `shared` beside the repository. */
export const SHARED_ROOT = resolve(process.env['EVTXHUNT_SHARED'] ?? `${REPO}../shared`);

/** The shared corpus of real EVTX files; absent on machines without it. */
export const SHARED_EVTX = `${SHARED_ROOT}/samples/evtx`;

/** Why shared-corpus tests skip, or false when the corpus is there. */
export const SKIP_SHARED = existsSync(SHARED_EVTX)
  ? false
  : `shared EVTX corpus not found at ${SHARED_EVTX}; these tests need it`;

/**
 * evtx-rs's sample with a bad chunk magic: 267 records read, 113 recovered (past the damage in
 * chunk 3), 3 failed, 12 unreadable slots.
 */
export const BAD_CHUNK_MAGIC = `${SHARED_EVTX}/evtx-rs/sample_with_a_bad_chunk_magic.evtx`;
