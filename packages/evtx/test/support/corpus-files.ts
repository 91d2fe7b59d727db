/** The bundled sample and, when the shared corpus is there, every corpus `.evtx` file. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { locateCorpus } from '../corpus/shared.js';

/** The bundled sample: a clean Sysmon log of 23 chunks and 1,730 records. */
export const SAMPLE_PATH = new URL('../../../../../samples/sysmon-issue43.evtx', import.meta.url)
  .pathname;

/** Every corpus file's path, or the reason there are none (the shared folder is absent). */
export function corpusFiles(): string[] | string {
  const corpus = locateCorpus();
  if (typeof corpus === 'string') return corpus;
  return readdirSync(corpus.evtx, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.evtx'))
    .sort()
    .map((name) => join(corpus.evtx, name));
}
