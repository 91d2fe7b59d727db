/**
 * A strict reader for the HTML the report writes, for tests: every tag balanced, every attribute
 * double-quoted, no bare `<`, `>` or `&` in text. It knows only what the report emits (one raw
 * `<style>`, void `<meta>`, `<br>` and `<wbr>`, self-closed SVG shapes), so anything else fails
 * loudly.
 */

/** One start tag as read. */
export interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

const VOID = new Set(['meta', 'br', 'wbr']);
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*)\s*(\/?)>/;
const ATTRIBUTE = /\s+([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)"/g;
const ENTITY = /^&(?:amp|lt|gt|quot|#39);/;

/** The start tags of a document in order; throws naming the offset of the first fault. */
export function readTags(html: string): Tag[] {
  const doctype = '<!DOCTYPE html>\n';
  if (!html.startsWith(doctype)) throw new Error('no <!DOCTYPE html> at offset 0');

  const tags: Tag[] = [];
  const open: string[] = [];
  let at = doctype.length;
  while (at < html.length) at = step(html, at, tags, open);

  if (open.length > 0) throw new Error(`unclosed at the end: ${open.join(' > ')}`);
  return tags;
}

function step(html: string, at: number, tags: Tag[], open: string[]): number {
  const char = html[at];
  if (char === '&' && !ENTITY.test(html.slice(at, at + 6))) {
    throw new Error(`bare & at offset ${at}`);
  }
  if (char === '>') throw new Error(`bare > at offset ${at}`);
  if (char !== '<') return at + 1;

  const match = TAG.exec(html.slice(at));
  if (match === null) throw new Error(`bad tag at offset ${at}: ${html.slice(at, at + 40)}`);

  const [whole, closing, name = '', attributes = '', selfClosed] = match;
  if (closing === '/') closeTag(name, open, at);
  else openTag(name, attributes, selfClosed === '/', tags, open);

  const end = at + whole.length;
  return name === 'style' && closing !== '/' ? skipStyle(html, end) : end;
}

function openTag(
  name: string,
  attributes: string,
  selfClosed: boolean,
  tags: Tag[],
  open: string[],
): void {
  const pairs = [...attributes.matchAll(ATTRIBUTE)].map(([, key = '', value = '']) => [key, value]);
  tags.push({ name, attributes: new Map(pairs as [string, string][]) });
  if (!VOID.has(name) && !selfClosed) open.push(name);
}

function closeTag(name: string, open: string[], at: number): void {
  const expected = open.pop();
  if (expected !== name) throw new Error(`</${name}> at offset ${at} closes <${expected}>`);
}

/** Style text is raw: jump to its end tag, which the caller then reads as a tag. */
function skipStyle(html: string, from: number): number {
  const end = html.indexOf('</style>', from);
  if (end < 0) throw new Error(`<style> at offset ${from} is never closed`);
  return end;
}
