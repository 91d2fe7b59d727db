import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { SigmaLoad } from '../../../src/hunt/sigma-state.js';
import { loadLine } from '../../../src/ui/sigma/sigma-rules.js';

const LOAD: SigmaLoad = {
  rules: 0,
  correlations: 0,
  yamlFiles: 0,
  failures: [],
  failureCount: 0,
  notRules: [],
  notRuleCount: 0,
  unreadArchives: [],
  sharedIds: [],
};

test('loadLine says a pick held no rule file rather than "0 rules loaded"', () => {
  assert.equal(loadLine('rules.zip', LOAD), 'No .yml/.yaml files in rules.zip');
  const unread = [
    { file: 'rules.zip', reason: 'zip at byte 5: no end-of-central-directory record' },
  ];
  assert.equal(loadLine('rules.zip', { ...LOAD, unreadArchives: unread }), 'rules.zip: no rules');
});

test('loadLine counts rules, correlations and failures, not the files that are not rules', () => {
  const load = {
    ...LOAD,
    yamlFiles: 9,
    rules: 3,
    correlations: 1,
    failureCount: 2,
    notRuleCount: 3,
  };
  assert.equal(
    loadLine('sigma/', load),
    'sigma/: 3 rules and 1 correlation loaded, 2 did not load',
  );
});
