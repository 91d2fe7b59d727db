import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { SigmaLoad } from '../../../src/hunt/sigma-state.js';
import { translator } from '../../../src/i18n/translator.js';
import { loadLine } from '../../../src/ui/sigma/sigma-rules.js';

const EN = translator('en');

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
  assert.equal(loadLine('rules.zip', LOAD, EN), 'No .yml/.yaml files in rules.zip');
  const unread = [
    { file: 'rules.zip', reason: 'zip at byte 5: no end-of-central-directory record' },
  ];
  assert.equal(
    loadLine('rules.zip', { ...LOAD, unreadArchives: unread }, EN),
    'rules.zip: no rules',
  );
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
    loadLine('sigma/', load, EN),
    'sigma/: 3 rules and 1 correlation loaded, 2 did not load',
  );
});

test('loadLine says the same in German', () => {
  const de = translator('de');
  assert.equal(loadLine('regeln.zip', LOAD, de), 'Keine .yml/.yaml-Dateien in regeln.zip');
  const load = { ...LOAD, yamlFiles: 3, rules: 1234 };
  assert.equal(loadLine('sigma/', load, de), 'sigma/: 1.234 Regeln geladen');
});
