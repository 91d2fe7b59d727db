/**
 * Canonicalisation of event XML for comparison with the reference dumps (evtxexport and
 * python-evtx). The rules, written out in CANONICALISATION.md beside this file:
 *
 * 1. Each `Event` element becomes a list of (path, value) leaves. A path is the element names from
 *    below `Event` joined by `/`, e.g. `System/EventID`; an attribute adds `/@Name`. A `Data`
 *    element with a `Name` attribute is keyed by it, `EventData/Data[Name=SourceIp]`, and its
 *    `Name` is no leaf of its own. Siblings sharing a segment get a 1-based index, `Data[2]`.
 * 2. Whitespace-only text between elements (python-evtx's line breaks, evtxexport's indent) is
 *    not content. Text inside a leaf element is kept exactly.
 * 3. Empty and NULL are the same: empty attributes are dropped, elements with neither attributes
 *    nor content are dropped before indexing, and leaves with empty values are dropped.
 *    (Windows omits a NULL substitution, evtxexport writes `<Data Name="X"/>`, python-evtx writes
 *    `Qualifiers=""` and extra empty `<Data>`.)
 * 4. Namespace declarations (`xmlns`) are not leaves.
 * 5. Values: a GUID `{...}` goes lower case; `0x` hex goes lower case without leading zeros;
 *    `True`/`False` go lower case; a date-time with no fraction or 6 to 9 fraction digits (`T` or
 *    space, `Z` or none) becomes ISO-8601 with 7 digits and `Z` (python-evtx drops `.000000`);
 *    `Binary` element text given as base64 (python-evtx) becomes upper-case hex.
 * 6. Times compare within a tolerance: 0 against evtxexport (100 ns exact), 3 µs against
 *    python-evtx (it truncates to microseconds and its float conversion is off by up to 2 µs).
 */
import { attributeOf, elementsOf, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

/** How one reference dump writes values that need undoing. */
export interface CanonicalOptions {
  /** `Binary` element text is base64 (python-evtx) rather than hex. */
  binaryIsBase64?: boolean;
}

/** One value of an event at a path. */
export interface Leaf {
  path: string;
  value: string;
}

const GUID = /^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const DATE_TIME = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d{6,9}))?Z?$/;

/** Rule 5: one value in canonical form. */
export function canonicalValue(value: string, path = '', options: CanonicalOptions = {}): string {
  if (GUID.test(value)) return value.toLowerCase();
  if (HEX.test(value))
    return `0x${value
      .slice(2)
      .toLowerCase()
      .replace(/^0+(?=.)/, '')}`;
  if (value === 'True' || value === 'False') return value.toLowerCase();

  const time = DATE_TIME.exec(value);
  if (time !== null) return `${time[1]}T${time[2]}.${(time[3] ?? '').padEnd(9, '0').slice(0, 7)}Z`;

  if (options.binaryIsBase64 === true && /(^|\/)Binary(\[\d+\])?$/.test(path)) {
    return base64ToHex(value);
  }
  return value;
}

/** Upper-case hex of base64 text; text that is not base64 is returned unchanged. */
export function base64ToHex(text: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return text;
  return [...atob(text)]
    .map((char) => char.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

function hasContent(element: XmlElement): boolean {
  if (element.attributes.some(([name, value]) => value !== '' && !isNamespace(name))) return true;
  if (textOf(element).trim() !== '') return true;
  return elementsOf(element).some(hasContent);
}

function isNamespace(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

/**
 * Rule 1: each child's path segment. Named `Data` is `Data[Name=X]`; any segment that repeats
 * among siblings gets its 1-based position appended, `Data[2]` or `Data[Name=X][2]`.
 */
function childSegments(children: readonly XmlElement[]): [XmlElement, string, boolean][] {
  const keys = children.map((child) =>
    child.name === 'Data' ? attributeOf(child, 'Name') : undefined,
  );
  const segments = children.map((child, i) =>
    keys[i] === undefined ? child.name : `${child.name}[Name=${keys[i]}]`,
  );
  const totals = new Map<string, number>();
  for (const segment of segments) totals.set(segment, (totals.get(segment) ?? 0) + 1);

  const seen = new Map<string, number>();
  return children.map((child, i) => {
    const segment = segments[i] ?? child.name;
    const nth = (seen.get(segment) ?? 0) + 1;
    seen.set(segment, nth);
    const indexed = (totals.get(segment) ?? 0) > 1 ? `${segment}[${nth}]` : segment;
    return [child, indexed, keys[i] !== undefined];
  });
}

function collect(element: XmlElement, path: string, keyedByName: boolean, out: Leaf[]): void {
  for (const [name, value] of element.attributes) {
    if (isNamespace(name) || (keyedByName && name === 'Name')) continue;
    out.push({ path: `${path}/@${name}`, value });
  }

  const children = elementsOf(element).filter(hasContent);
  const text = textOf(element);
  if (children.length === 0) out.push({ path, value: text });
  else if (text.trim() !== '') out.push({ path: `${path}/#text`, value: text });

  for (const [child, segment, keyed] of childSegments(children)) {
    collect(child, path === '' ? segment : `${path}/${segment}`, keyed, out);
  }
}

/** Rules 1 to 5: the canonical leaves of one `Event` element, in document order. */
export function eventLeaves(event: XmlElement, options: CanonicalOptions = {}): Leaf[] {
  const raw: Leaf[] = [];
  collect(event, '', false, raw);
  return raw
    .map(({ path, value }) => ({
      path: path.replace(/^\//, ''),
      value: canonicalValue(value, path, options),
    }))
    .filter((leaf) => leaf.value !== '' && leaf.path !== '');
}

/** Ticks (100 ns) between two canonical times, or undefined when either is no canonical time. */
export function tickDistance(a: string, b: string): number | undefined {
  const ticks = (text: string): bigint | undefined => {
    const match = /^(.{19})\.(\d{7})Z$/.exec(text);
    if (match === null) return undefined;
    const millis = Date.parse(`${match[1]}Z`);
    if (Number.isNaN(millis)) return undefined;
    return BigInt(millis) * 10_000n + BigInt(match[2] ?? '0');
  };
  const left = ticks(a);
  const right = ticks(b);
  if (left === undefined || right === undefined) return undefined;
  const difference = left - right;
  return Number(difference < 0n ? -difference : difference);
}

/** One path where two leaf lists differ; a missing side is undefined. */
export interface LeafDifference {
  path: string;
  expected: string | undefined;
  actual: string | undefined;
}

/**
 * Rule 6 and the comparison itself: differences between `expected` and `actual` leaves, paths
 * matched exactly, times within `timeToleranceTicks`.
 */
export function diffLeaves(
  expected: readonly Leaf[],
  actual: readonly Leaf[],
  timeToleranceTicks = 0,
): LeafDifference[] {
  const theirs = new Map(expected.map((leaf) => [leaf.path, leaf.value]));
  const ours = new Map(actual.map((leaf) => [leaf.path, leaf.value]));
  const paths = [...new Set([...theirs.keys(), ...ours.keys()])];

  return paths.flatMap((path) => {
    const want = theirs.get(path);
    const got = ours.get(path);
    if (want === got) return [];
    if (want !== undefined && got !== undefined) {
      const distance = tickDistance(want, got);
      if (distance !== undefined && distance <= timeToleranceTicks) return [];
    }
    return [{ path, expected: want, actual: got }];
  });
}
