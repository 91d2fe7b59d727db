import { test } from 'node:test';
import assert from 'node:assert/strict';

import { QUERY_MAX_CHARS } from '../../src/query/limits.js';
import {
  DEFAULT_VIEW_STATE,
  VIEW_MAX_NAMES,
  VIEW_STATE_MAX_CHARS,
  decodeViewState,
  encodeViewState,
  type ViewState,
} from '../../src/query/view-state.js';

const full: ViewState = {
  query: 'eventId:3 Image:"C:\\Program Files\\a&b=c#d.exe" -DestinationPort:443 é 🦊',
  regexMode: true,
  columns: ['Image', 'DestinationIp', 'odd,name', '-dash', 'a&b=c'],
  sort: [
    { column: 'timeCreated', descending: true },
    { column: '-dash', descending: false },
  ],
  timeZone: 'Europe/Berlin',
  facets: ['eventId', 'User'],
  view: 'outbound',
  hunt: 'rare-dns',
};

test('encodeViewState writes only what differs from the defaults, versioned', () => {
  assert.equal(encodeViewState({}), 'v=1');
  assert.equal(encodeViewState(DEFAULT_VIEW_STATE), 'v=1');
  assert.equal(
    encodeViewState({ query: 'eventId:3 a&b', regexMode: false }),
    'v=1&q=eventId%3A3%20a%26b',
  );
  assert.equal(
    encodeViewState({ sort: [{ column: 'Image', descending: true }], timeZone: 'local' }),
    'v=1&sort=-Image&tz=local',
  );
});

test('encodeViewState and decodeViewState round-trip every setting', () => {
  const fragment = encodeViewState(full);
  assert.doesNotMatch(fragment, /[#\s"]/);
  assert.deepEqual(decodeViewState(fragment), { state: full, warnings: [] });
  assert.deepEqual(decodeViewState('#' + fragment), { state: full, warnings: [] });
});

test('encodeViewState replaces lone surrogates rather than throwing', () => {
  const fragment = encodeViewState({ query: 'a\uD800b', columns: ['\uDC00'] });
  assert.deepEqual(decodeViewState(fragment).state, {
    ...DEFAULT_VIEW_STATE,
    query: 'a\uFFFDb',
    columns: ['\uFFFD'],
  });
});

test('encodeViewState carries nothing but the view settings', () => {
  const withContent = {
    ...full,
    rows: [{ CommandLine: 'secret.exe --password hunter2' }],
    selected: 'record 42',
  } as Partial<ViewState>;
  const fragment = encodeViewState(withContent);

  assert.equal(fragment, encodeViewState(full));
  assert.doesNotMatch(decodeURIComponent(fragment), /hunter2|record 42/);
});

test('decodeViewState keeps a ready-made hunt by id and ignores an unknown one', () => {
  assert.equal(encodeViewState({ hunt: 'rare-dns' }), 'v=1&hunt=rare-dns');
  assert.deepEqual(decodeViewState('v=1&hunt=remote-logons'), {
    state: { ...DEFAULT_VIEW_STATE, hunt: 'remote-logons' },
    warnings: [],
  });
  assert.deepEqual(decodeViewState('v=1&hunt=no-such-hunt'), {
    state: DEFAULT_VIEW_STATE,
    warnings: ['ignored the hunt "no-such-hunt": no ready-made hunt has that id'],
  });
});

test('decodeViewState reads an empty fragment as the defaults, silently', () => {
  assert.deepEqual(decodeViewState(''), { state: DEFAULT_VIEW_STATE, warnings: [] });
  assert.deepEqual(decodeViewState('#'), { state: DEFAULT_VIEW_STATE, warnings: [] });
});

test('decodeViewState falls back to the defaults for garbage and other versions', () => {
  const cases: [string, string][] = [
    ['garbage', "the link's view has no version; this app reads version 1"],
    ['%%%&&&===', "the link's view has no version; this app reads version 1"],
    ['q=a', "the link's view has no version; this app reads version 1"],
    ['v=2&q=a', `the link's view is version "2"; this app reads version 1`],
    ['v=&q=a', `the link's view is version ""; this app reads version 1`],
  ];
  for (const [fragment, warning] of cases) {
    const { state, warnings } = decodeViewState(fragment);
    assert.deepEqual(state, DEFAULT_VIEW_STATE, fragment);
    assert.equal(warnings.at(-1), warning, fragment);
  }
});

test('decodeViewState keeps the good settings and warns of each bad one', () => {
  const { state, warnings } = decodeViewState(
    'v=1&q=%E0%A4%A&re=yes&cols=Image,,%ZZ,Image&tz=Mars%2FOlympus&view=Bad View&x=1&v=1&sort=-Image,%0A',
  );

  assert.deepEqual(state, {
    ...DEFAULT_VIEW_STATE,
    columns: ['Image'],
    sort: [{ column: 'Image', descending: true }],
  });
  assert.deepEqual(warnings, [
    'ignored the unknown setting "x"',
    'ignored a repeated v setting',
    'ignored the query: its percent-encoding is broken',
    'ignored the regex mode setting: expected 0 or 1',
    'ignored 3 of the 4 columns: empty, broken, repeated, too long or too many',
    'ignored the time zone: not UTC, local or a known zone name; showing UTC',
    'ignored the view name: expected lower-case letters, digits and -',
    'ignored 1 of the 2 sort keys: empty, broken, repeated, too long or too many',
  ]);
});

test('decodeViewState ignores keys named like object properties', () => {
  const { state, warnings } = decodeViewState('v=1&toString=1&__proto__=x&constructor=y&q=a');
  assert.deepEqual(state, { ...DEFAULT_VIEW_STATE, query: 'a' });
  assert.deepEqual(warnings, [
    'ignored the unknown setting "toString"',
    'ignored the unknown setting "__proto__"',
    'ignored the unknown setting "constructor"',
  ]);
});

test('decodeViewState bounds what it reads', () => {
  const huge = 'v=1&q=' + 'a'.repeat(VIEW_STATE_MAX_CHARS);
  assert.deepEqual(decodeViewState(huge).state, DEFAULT_VIEW_STATE);
  assert.match(decodeViewState(huge).warnings[0] ?? '', /characters long; the limit is/);

  const longQuery = decodeViewState('v=1&q=' + 'a'.repeat(QUERY_MAX_CHARS + 1));
  assert.equal(longQuery.state.query, '');
  assert.equal(
    longQuery.warnings[0],
    `ignored the query: it is ${QUERY_MAX_CHARS + 1} characters long; the limit is ${QUERY_MAX_CHARS}`,
  );

  const many = Array.from({ length: VIEW_MAX_NAMES + 10 }, (_, i) => `f${i}`).join(',');
  const columns = decodeViewState(`v=1&cols=${many}`);
  assert.equal(columns.state.columns.length, VIEW_MAX_NAMES);
  assert.equal(columns.warnings.length, 1);
});

test('decodeViewState accepts UTC, local and real IANA zones only', () => {
  const zone = (tz: string) => decodeViewState(`v=1&tz=${encodeURIComponent(tz)}`).state.timeZone;
  assert.equal(zone('UTC'), 'UTC');
  assert.equal(zone('local'), 'local');
  assert.equal(zone('America/New_York'), 'America/New_York');
  assert.equal(zone('Not/AZone'), 'UTC');
  assert.equal(zone('<script>'), 'UTC');
});
