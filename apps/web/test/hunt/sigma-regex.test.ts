/**
 * The hunt worker's rule loading with the `re` patterns that used to be refused or to hang it:
 * the whole public rule set loads (the shared folder's `sigma/rules*`, see its SOURCES.md; the
 * test skips, saying so, when it is absent) and a rule with a polynomial pattern loads too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { HuntEngine, defaultKnowledge } from '@evtxhunt/hunt';

import { createHuntHandler } from '../../src/hunt/handler.js';
import { HuntLink, type HuntPort } from '../../src/hunt/hunter.js';
import type { HuntReply, HuntRequest } from '../../src/hunt/protocol.js';
import type { RuleFile } from '../../src/hunt/sigma-files.js';
import { SHARED_ROOT } from '../support/paths.js';

const SIGMA = join(SHARED_ROOT, 'sigma');
const SKIP = existsSync(join(SIGMA, 'rules'))
  ? false
  : `Sigma rules not found at ${SIGMA}; this test needs them`;

/** A hunt link on the real handler, as the page has one on its worker. */
function link(): HuntLink {
  const port: HuntPort = {
    onmessage: null,
    postMessage: (request: HuntRequest) => queueMicrotask(() => handle(request)),
  };
  const handle = createHuntHandler(
    (reply: HuntReply) => port.onmessage?.({ data: reply }),
    () => performance.now(),
    () => new HuntEngine({ knowledge: defaultKnowledge() }),
  );
  return new HuntLink(port);
}

async function ruleFiles(folder: string): Promise<RuleFile[]> {
  const names = await readdir(folder, { recursive: true, encoding: 'utf8' });
  const rules = names.filter((name) => name.endsWith('.yml'));
  return Promise.all(
    rules.map(async (name) => ({
      name: `${folder.split('/').pop()}/${name}`,
      blob: new Blob([await readFile(join(folder, name))]),
    })),
  );
}

test(
  'the hunt worker loads every public rule, risky re patterns included',
  { skip: SKIP },
  async () => {
    const folders = ['rules', 'rules-threat-hunting', 'rules-emerging-threats'];
    const files = (await Promise.all(folders.map((name) => ruleFiles(join(SIGMA, name))))).flat();
    const load = await link().loadRules(files);
    // The four shipped categories: 1,504 rules, of which four with a counted repeat of a group
    // holding a repeat or an alternation were refused here before the linear-time matcher.
    assert.equal(load.rules, 1504);
    assert.deepEqual(load.failures, []);
  },
);

test('the hunt worker loads a rule whose re pattern is polynomial for RegExp', async () => {
  const ruleOf = (pattern: string) =>
    [
      'title: polynomial',
      'logsource: {category: process_creation, product: windows}',
      'detection:',
      `  selection: {CommandLine|re: '${pattern}'}`,
      '  condition: selection',
    ].join('\n');
  const rule = ruleOf('.*.*.*.*.*.*.*.*.*.*=$');
  const load = await link().loadRules([{ name: 'trial.yml', blob: new Blob([rule]) }]);
  assert.equal(load.rules, 1);
  assert.deepEqual(load.failures, []);

  const refused = ruleOf('^(?=(a+))');
  const failed = await link().loadRules([{ name: 'refused.yml', blob: new Blob([refused]) }]);
  assert.equal(failed.rules, 0);
  assert.match(failed.failures[0]?.reason ?? '', /a lookahead or lookbehind cannot run in linear/);
});
