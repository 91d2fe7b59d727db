import assert from 'node:assert/strict';
import test from 'node:test';

import { utcTime, zoneFromPair } from '../src/time.js';

test('utcTime pads a millisecond time to seven digits and marks it UTC', () => {
  assert.equal(utcTime('2019-05-18T20:36:46.254Z'), '2019-05-18T20:36:46.2540000Z');
  assert.equal(utcTime('2020-01-01 12:00:00.1234567'), '2020-01-01T12:00:00.1234567Z');
});

test('utcTime keeps 100 ns and cuts digits past it', () => {
  assert.equal(utcTime('2021-11-19T16:52:33.833733500Z'), '2021-11-19T16:52:33.8337335Z');
});

test('utcTime honours a zone in the text and moves the time to UTC, across a day', () => {
  assert.equal(utcTime('2020-08-06T23:56:04.5+02:00'), '2020-08-06T21:56:04.5000000Z');
  assert.equal(utcTime('2020-08-06 22:30:00-0400'), '2020-08-07T02:30:00.0000000Z');
});

test('utcTime takes a zoneless time in the zone given', () => {
  assert.equal(utcTime('2020-08-06 11:56:04', -240), '2020-08-06T15:56:04.0000000Z');
});

test('utcTime reads epoch seconds with a fraction exactly, as Velociraptor writes them', () => {
  assert.equal(utcTime('1590282834.1201713'), '2020-05-24T01:13:54.1201713Z');
});

test('utcTime refuses text that is no time and dates that do not exist', () => {
  assert.equal(utcTime('yesterday'), undefined);
  assert.equal(utcTime('2021-02-29T00:00:00Z'), undefined);
  assert.equal(utcTime('2021-13-01T00:00:00Z'), undefined);
});

test('zoneFromPair finds NXLog local time 4 hours behind UTC', () => {
  assert.equal(zoneFromPair('2020-08-06 11:56:07', '2020-08-06T15:56:07.158Z'), -240);
  assert.equal(zoneFromPair('2020-08-06 11:56:07', 'garbage'), undefined);
});
