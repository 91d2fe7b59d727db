/**
 * Small accessibility checks of our own for the browser tests: every control has a name (as
 * Chromium's accessibility tree computes it), ids are unique and every ARIA id reference
 * resolves, Tab reaches every control with a visible focus mark and comes back round, and the
 * text on screen meets WCAG AA contrast against what is painted behind it.
 */
import type { Page } from 'playwright-core';

/** What a control must have: a name in the accessibility tree. */
const CONTROLS = [
  'button',
  'input',
  'select',
  'textarea',
  'a[href]',
  'summary',
  'progress',
  '[tabindex]:not([tabindex="-1"])',
  '[role="button"]',
  '[role="checkbox"]',
  '[role="grid"]',
  '[role="dialog"]',
  '[role="columnheader"]',
].join(', ');

/** A control the accessibility tree gives no name, described by its HTML. */
export interface UnnamedControl {
  readonly role: string;
  readonly html: string;
}

/** Every visible control without an accessible name, as Chromium computes names. */
export async function unnamedControls(page: Page): Promise<UnnamedControl[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: CONTROLS,
    });
    const unnamed: UnnamedControl[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        nodeId,
        fetchRelatives: false,
      });
      const node = nodes[0];
      if (node === undefined || node.ignored === true) continue;
      const name = String(node.name?.value ?? '').trim();
      if (name !== '') continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      unnamed.push({ role: String(node.role?.value ?? '?'), html: outerHTML.slice(0, 160) });
    }
    return unnamed;
  } finally {
    await cdp.detach();
  }
}

/** Ids used more than once, and ARIA attributes that point at an id no element has. */
export function idProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) {
      seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    }
    for (const [id, times] of seen) if (times > 1) problems.push(`id "${id}" used ${times} times`);

    const references = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];
    for (const attribute of [...references, 'aria-activedescendant']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (document.getElementById(id) === null) problems.push(`${attribute} → missing #${id}`);
        }
      }
    }
    return problems;
  });
}

/** One stop of a Tab walk: what had focus, and whether a focus mark could be seen. */
export interface TabStop {
  readonly what: string;
  readonly visibleFocus: boolean;
}

/**
 * Presses Tab from the top of the page until focus comes back to where it started or leaves
 * the page, at most `maxStops` times, and records each stop. A click on the page's first
 * heading puts the start of Tab navigation at the top.
 */
export async function tabWalk(page: Page, maxStops = 200): Promise<TabStop[]> {
  await page.getByRole('heading', { level: 1 }).click();
  const stops: TabStop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus);
    if (stop === undefined || seen.has(stop.what)) break;
    seen.add(stop.what);
    stops.push(stop);
  }
  return stops;
}

/** Runs in the page: the focused element, named, and whether its focus can be seen. */
function describeFocus(): TabStop | undefined {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return undefined;

  const marked = (target: Element) => {
    const style = getComputedStyle(target);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    return outline || style.boxShadow !== 'none';
  };
  const box = element.getBoundingClientRect();
  const hidden = box.width <= 1 && box.height <= 1;
  // A visually hidden input shows its focus on the label around it (the "Open files" button).
  const holder = hidden ? element.closest('label') : element;
  const label =
    element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
  const index = [...document.querySelectorAll('*')].indexOf(element);
  return {
    what: `${element.tagName.toLowerCase()}#${index} ${label}`,
    visibleFocus: holder !== null && marked(holder),
  };
}

/** Text whose contrast with what is painted behind it is under WCAG AA. */
export interface ContrastProblem {
  readonly text: string;
  readonly ratio: number;
  readonly needed: number;
  readonly colour: string;
  readonly background: string;
}

/**
 * Every visible element with text of its own (and every placeholder), checked against WCAG
 * 2.x AA: 4.5:1, or 3:1 for large text. The background is found by blending the element's
 * and its ancestors' background colours until one is opaque. Disabled controls are exempt.
 */
export function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const parts = (css.match(/[\d.]+/g) ?? []).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (below[i] ?? 0) * (1 - a)).concat(1) as Rgba;
    };
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (c: Rgba) =>
      0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    const ratioOf = (a: Rgba, b: Rgba) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
    };
    const backgroundOf = (element: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let at = element; at !== null; at = at.parentElement) {
        const layer = parse(getComputedStyle(at).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1] as Rgba);
    };

    const problems: ContrastProblem[] = [];
    const check = (element: Element, text: string, colourCss: string) => {
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      const background = backgroundOf(element);
      const colour = over(parse(colourCss), background);
      const ratio = ratioOf(colour, background);
      if (ratio < needed) {
        const show = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(' ')})`;
        problems.push({
          text: text.slice(0, 50),
          ratio: Math.round(ratio * 100) / 100,
          needed,
          colour: show(colour),
          background: show(background),
        });
      }
    };

    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const shown = box.width > 1 && box.height > 1 && style.visibility === 'visible';
      if (!shown || element.closest(':disabled, [aria-hidden="true"]') !== null) continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (own !== '') check(element, own, style.color);
      const placeholder = element.getAttribute('placeholder');
      if (
        placeholder !== null &&
        placeholder !== '' &&
        (element as HTMLInputElement).value === ''
      ) {
        check(element, placeholder, getComputedStyle(element, '::placeholder').color);
      }
    }
    return problems;
  });
}
