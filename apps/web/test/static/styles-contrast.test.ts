import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { REPO } from '../support/paths.js';

/** Text on a background needs 4.5:1 (WCAG 1.4.3); focus marks and control edges 3:1 (1.4.11). */
const TEXT = 4.5;
const NON_TEXT = 3;

/** [foreground, background, needed]: every pairing the stylesheet paints. */
const PAIRS: readonly (readonly [string, string, number])[] = [
  ...['bg', 'bg-soft', 'bg-row-alt', 'selected'].flatMap((bg) => [
    ['fg', bg, TEXT] as const,
    ['fg-soft', bg, TEXT] as const,
    ['focus', bg, NON_TEXT] as const,
  ]),
  ['warn-fg', 'warn-bg', TEXT],
  ['error-fg', 'bg', TEXT],
  ['error-fg', 'error-bg', TEXT],
  ['error-fg', 'bg-soft', TEXT],
  ['control-border', 'bg', NON_TEXT],
  ['control-border', 'bg-soft', NON_TEXT],
];

/** The custom properties set in the block that starts with `selector {`. */
function themeColours(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  assert.notEqual(start, -1, `styles.css has no ${selector} block`);
  const block = css.slice(start, css.indexOf('}', start));
  return new Map(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

test('contrast gives the WCAG ratios of black on white and of a mid grey', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
});

for (const [theme, selector] of [
  ['light', ':root'],
  ['dark', ":root[data-theme='dark']"],
] as const) {
  test(`styles.css: every colour pairing of the ${theme} theme meets WCAG AA`, async () => {
    const css = await readFile(`${REPO}apps/web/static/styles.css`, 'utf8');
    const colours = themeColours(css, selector);

    const failing = PAIRS.flatMap(([fg, bg, needed]) => {
      const [a, b] = [colours.get(fg), colours.get(bg)];
      assert.ok(a !== undefined && b !== undefined, `${theme}: --${fg} or --${bg} is not set`);
      const ratio = contrast(a, b);
      return ratio >= needed ? [] : [`--${fg} on --${bg}: ${ratio.toFixed(2)} < ${needed}`];
    });
    assert.deepEqual(failing, []);
  });
}
