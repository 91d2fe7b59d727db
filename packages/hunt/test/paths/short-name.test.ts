import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isShortName, segmentCouldBe } from '../../src/paths/short-name.js';

test('isShortName recognises 8.3 names from the sample logs', () => {
  for (const name of ['admini~1', 'swachc~1', 'progra~3', 'dataus~1.dll', 'rdpwra~1.2']) {
    assert.equal(isShortName(name), true, name);
  }
  for (const name of ['appdata', 'a~b', '~1', 'toolong~1', 'abc~0', 'abc~1.html']) {
    assert.equal(isShortName(name), false, name);
  }
});

test('segmentCouldBe matches a short name by its stem and extension', () => {
  assert.equal(segmentCouldBe('admini~1', 'administrator', false), true);
  assert.equal(segmentCouldBe('locals~1', 'local settings', false), true);
  assert.equal(segmentCouldBe('applic~1', 'application data', false), true);
  assert.equal(segmentCouldBe('micros~1.net', 'microsoft.net', false), true);
  assert.equal(segmentCouldBe('micros~1', 'microsoft.net', false), false);
  assert.equal(segmentCouldBe('admini~1', 'adminuser', false), false);
  assert.equal(segmentCouldBe('temp', 'temp', false), true);
  assert.equal(segmentCouldBe('temp', 'tmp', false), false);
});

test('segmentCouldBe tells the progra~N folders apart at a drive root only', () => {
  assert.equal(segmentCouldBe('progra~3', 'programdata', true), true);
  assert.equal(segmentCouldBe('progra~1', 'programdata', true), false);
  assert.equal(segmentCouldBe('progra~1', 'program files', true), true);
  assert.equal(segmentCouldBe('progra~2', 'program files (x86)', true), true);
  assert.equal(segmentCouldBe('docume~1', 'documents and settings', true), true);
  // Start Menu\Programs is PROGRA~1 below the root.
  assert.equal(segmentCouldBe('progra~1', 'programs', false), true);
});
