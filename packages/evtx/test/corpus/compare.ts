/** Record-by-record comparisons of our renderings with the reference renderings. */
import type { StructuredRecord } from '../../src/index.js';
import { canonicalValue, diffLeaves, eventLeaves } from './canonical.js';
import type { Leaf, LeafDifference } from './canonical.js';
import { findAll, parseXml } from './xml.js';

/** `text` cut to `width` characters around `at`, with the cut marked. */
function around(text: string, at: number, width = 70): string {
  const from = Math.max(0, at - width / 2);
  const cut = text.slice(from, from + width);
  return JSON.stringify(`${from > 0 ? '…' : ''}${cut}${from + width < text.length ? '…' : ''}`);
}

/** Where two strings first differ, as a one-line description. */
export function firstDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  return `at char ${at}: expected ${around(expected, at)}, ours ${around(actual, at)}`;
}

function byRecord(
  theirs: ReadonlyMap<string, unknown>,
  ours: ReadonlyMap<string, unknown>,
  differ: (id: string) => string[],
): string[] {
  return [...theirs.keys()].flatMap((id) =>
    ours.has(id) ? differ(id) : [`record ${id}: the reference has it, we did not read it`],
  );
}

/**
 * The Windows renderings came through a git repository whose `.gitattributes` says
 * `* text=auto eol=lf` (NickSmet/ts-evtx): every CR LF in the XML, including those inside event
 * data, was stored as LF. The `.evtx` files are binary there and keep their CR LF, so ours must
 * be folded the same way before comparing.
 */
export function foldLineEndings(xml: string): string {
  return xml.replaceAll('\r\n', '\n');
}

/**
 * Our `toXml()` equals Windows' text of the event with RenderingInfo cut out, byte for byte
 * after `foldLineEndings`.
 */
export function compareWithWindows(
  windows: ReadonlyMap<string, string>,
  ours: ReadonlyMap<string, string>,
): string[] {
  return byRecord(windows, ours, (id) => {
    const want = windows.get(id) ?? '';
    const got = foldLineEndings(ours.get(id) ?? '');
    return want === got ? [] : [`record ${id}: XML ${firstDifference(want, got)}`];
  });
}

/** The canonical leaves of our `toXml()` output. */
export function ourLeaves(xml: string): Leaf[] {
  const [event] = findAll(parseXml(xml), 'Event');
  if (event === undefined)
    throw new Error(`Cannot compare: no <Event> in our XML ${xml.slice(0, 60)}`);
  return eventLeaves(event);
}

function describe(id: string, { path, expected, actual }: LeafDifference): string {
  const show = (value: string | undefined): string =>
    value === undefined ? '(absent)' : JSON.stringify(value);
  return `record ${id}: ${path}: expected ${show(expected)}, ours ${show(actual)}`;
}

/** Leaf-by-leaf comparison of our XML with a reference dump, times within `tolerance` ticks. */
export function compareWithDump(
  dump: ReadonlyMap<string, readonly Leaf[]>,
  ours: ReadonlyMap<string, string>,
  tolerance: number,
): string[] {
  return byRecord(dump, ours, (id) => {
    let mine: Leaf[];
    try {
      mine = ourLeaves(ours.get(id) ?? '');
    } catch (error) {
      return [`record ${id}: our XML does not parse: ${String(error)}`];
    }
    return diffLeaves(dump.get(id) ?? [], mine, tolerance).map((d) => describe(id, d));
  });
}

/**
 * Where each System field of a structured record sits in the XML. `recordId` is
 * System/EventRecordID by contract (types.ts); `headerRecordId` has no place in the XML.
 */
const SYSTEM_PATHS: readonly [keyof StructuredRecord, string][] = [
  ['eventId', 'System/EventID'],
  ['qualifiers', 'System/EventID/@Qualifiers'],
  ['version', 'System/Version'],
  ['level', 'System/Level'],
  ['task', 'System/Task'],
  ['opcode', 'System/Opcode'],
  ['keywords', 'System/Keywords'],
  ['timeCreated', 'System/TimeCreated/@SystemTime'],
  ['recordId', 'System/EventRecordID'],
  ['provider', 'System/Provider/@Name'],
  ['providerGuid', 'System/Provider/@Guid'],
  ['eventSourceName', 'System/Provider/@EventSourceName'],
  ['activityId', 'System/Correlation/@ActivityID'],
  ['relatedActivityId', 'System/Correlation/@RelatedActivityID'],
  ['processId', 'System/Execution/@ProcessID'],
  ['threadId', 'System/Execution/@ThreadID'],
  ['channel', 'System/Channel'],
  ['computer', 'System/Computer'],
  ['userId', 'System/Security/@UserID'],
];

/**
 * A structured record as canonical leaves on the XML's paths, so it compares with a dump: named
 * data as `EventData/Data[Name=X]`, repeated names indexed like repeated elements.
 */
export function structuredLeaves(record: StructuredRecord): Leaf[] {
  const leaves: Leaf[] = [];
  const add = (path: string, value: unknown): void => {
    if (value !== undefined) leaves.push({ path, value: canonicalValue(String(value), path) });
  };
  for (const [field, path] of SYSTEM_PATHS) add(path, record[field]);

  for (const [name, value] of Object.entries(record.data)) {
    const segment = name === 'Data' ? 'EventData/Data' : `EventData/Data[Name=${name}]`;
    if (typeof value === 'string') add(segment, value);
    else value.forEach((item, i) => add(`${segment}[${i + 1}]`, item));
  }
  return leaves.filter((leaf) => leaf.value !== '');
}

/** Our structured records against the dump's leaves (System and EventData only). */
export function compareStructured(
  dump: ReadonlyMap<string, readonly Leaf[]>,
  ours: ReadonlyMap<string, StructuredRecord>,
): string[] {
  return byRecord(dump, ours, (id) => {
    const theirs = (dump.get(id) ?? []).filter((leaf) => /^(System|EventData)\//.test(leaf.path));
    const mine = ours.get(id);
    return mine === undefined
      ? []
      : diffLeaves(theirs, structuredLeaves(mine)).map((d) => describe(id, d));
  });
}
