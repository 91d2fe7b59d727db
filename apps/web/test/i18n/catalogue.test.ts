import { test } from 'node:test';
import assert from 'node:assert/strict';

import { READY_HUNTS } from '@evtxhunt/hunt';

import { DE } from '../../src/i18n/de.js';
import { EN, type MessageKey } from '../../src/i18n/en.js';
import { HUNTS_DE, huntText } from '../../src/i18n/hunts.js';
import { languageOf, preferredLanguage } from '../../src/i18n/language.js';
import { paramNames, type Message } from '../../src/i18n/message.js';
import { translator } from '../../src/i18n/translator.js';

const CATALOGUES: Readonly<Record<string, Readonly<Record<string, Message>>>> = { en: EN, de: DE };
const KEYS = Object.keys(EN) as MessageKey[];

test('every catalogue has exactly the English keys', () => {
  for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
    assert.deepEqual(Object.keys(catalogue).sort(), [...KEYS].sort(), lang);
  }
});

test('every entry has the same parameters in every language', () => {
  const differ = KEYS.filter(
    (key) => paramNames(DE[key]).join() !== paramNames(EN[key]).join(),
  ).map((key) => `${key}: en {${paramNames(EN[key]).join()}} de {${paramNames(DE[key]).join()}}`);

  assert.deepEqual(differ, []);
});

test('a plural entry has a form for every plural category of its language, and counts', () => {
  for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogue)) {
      if (typeof message === 'string') continue;
      const forms: Readonly<Record<string, string | undefined>> = { ...message };
      const missing = categories.filter((category) => forms[category] === undefined);
      assert.deepEqual(missing, [], `${lang} ${key}`);
      assert.ok(paramNames(message).includes('count'), `${lang} ${key} has no {count}`);
    }
  }
});

test('no entry is empty or left in English in German, but for words both languages share', () => {
  const shared = new Set([
    'toolbar.hunts',
    'app.sampleHttp',
    'files.reason',
    'files.banner',
    'filter.regex',
    'details.xml',
    'cell.processGuid',
    'tabs.export',
    'hunt.ms',
    'hunt.seconds',
    'findings.severityCount',
    'findings.times',
    'finding.computer',
    'beacon.jitter',
    'outbound.colPorts',
    'setup.allowlist',
    'setup.lolbin',
    'setup.spotGroup',
    'setup.spotReason',
    'setup.spotLabels',
    'sigma.failed',
    'sigma.failure',
    'sigma.attack',
    'sigma.tags',
    'hunts.heading',
    'hunts.list',
    'hunts.techniques',
    'column.computer',
    'ip.multicast',
    'ip.broadcast',
    'ip.benchmarking',
  ]);
  const same = KEYS.filter(
    (key) => !shared.has(key) && JSON.stringify(DE[key]) === JSON.stringify(EN[key]),
  );

  assert.deepEqual(same, []);
  for (const key of KEYS) assert.notEqual(JSON.stringify(DE[key]).trim(), '""', key);
});

test('t fills parameters, picks the plural form and formats numbers in the language', () => {
  const en = translator('en');
  const de = translator('de');

  assert.equal(en.t('events.count', { count: 1 }), '1 event');
  assert.equal(en.t('events.count', { count: 1234 }), '1,234 events');
  assert.equal(de.t('events.count', { count: 1 }), '1 Ereignis');
  assert.equal(de.t('events.count', { count: 1234 }), '1.234 Ereignisse');
  assert.equal(
    de.t('events.countFiltered', { shown: 12, count: 1730 }),
    '12 von 1.730 Ereignissen',
  );
  assert.equal(en.t('toolbar.bookmarks', { count: 0 }), 'Bookmarks (0)');
  assert.equal(de.t('toolbar.language'), 'Sprache');
});

test('t sets a string parameter as it is and never reads parameters inside it', () => {
  const de = translator('de');

  assert.equal(
    de.t('files.readingName', { name: '{name} 1234 <b>.evtx' }),
    '{name} 1234 <b>.evtx wird gelesen',
  );
  assert.equal(
    de.t('details.heading', { eventId: '4624', recordId: '12345' }),
    'Ereignis 4624 · Datensatz 12345',
  );
});

test('count and bytes format in the language', () => {
  const en = translator('en');
  const de = translator('de');

  assert.equal(en.count(1234567), '1,234,567');
  assert.equal(de.count(1234567), '1.234.567');
  assert.equal(en.bytes(512), '512 B');
  assert.equal(en.bytes(2166784), '2.1 MB');
  assert.equal(en.bytes(5 * 1024 ** 3), '5.0 GB');
  assert.equal(de.bytes(2166784), '2,1 MB');
  assert.equal(de.bytes(1023), '1.023 B');
});

test('preferredLanguage takes the first of the browser languages we have, else English', () => {
  assert.equal(preferredLanguage(['de-AT', 'en-US']), 'de');
  assert.equal(preferredLanguage(['fr-FR', 'DE', 'en']), 'de');
  assert.equal(preferredLanguage(['en-GB', 'de']), 'en');
  assert.equal(preferredLanguage(['fr', 'ja']), 'en');
  assert.equal(preferredLanguage([]), 'en');
  assert.equal(languageOf('de-CH'), 'de');
  assert.equal(languageOf('deu'), undefined);
});

test('every ready-made hunt has a German title and description, and no other id has one', () => {
  const ids = READY_HUNTS.map((hunt) => hunt.id).sort();

  assert.deepEqual(Object.keys(HUNTS_DE).sort(), ids);
  for (const hunt of READY_HUNTS) {
    const text = huntText('de', hunt);
    assert.notEqual(text.looksFor, hunt.looksFor, hunt.id);
    assert.ok(text.title.length > 0 && text.looksFor.length > 40, hunt.id);
    assert.deepEqual(huntText('en', hunt), { title: hunt.title, looksFor: hunt.looksFor });
  }
});
