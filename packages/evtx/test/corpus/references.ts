/** Reference renderings of corpus files: Windows' own XML and the evtxexport/python-evtx dumps. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { eventLeaves } from './canonical.js';
import type { CanonicalOptions, Leaf } from './canonical.js';
import { elementsOf, findAll, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

/** The two full dumps of one file in samples/evtx-expected. */
export interface ExpectedDumps {
  /** The `.evtx` path under samples/evtx. */
  evtxPath: string;
  evtxexportXml: string;
  pythonEvtxXml: string;
}

/** A file in samples/evtx with Windows' own rendering beside it. */
export interface WindowsRendering {
  evtxPath: string;
  windowsXml: string;
}

/** Every pair of dumps under `expectedDir`, found by their `.evtxexport.xml` member. */
export function findExpectedDumps(expectedDir: string): ExpectedDumps[] {
  if (!existsSync(expectedDir)) return [];
  const dumps: ExpectedDumps[] = [];
  for (const source of readdirSync(expectedDir, { withFileTypes: true })) {
    if (!source.isDirectory()) continue;
    for (const name of readdirSync(join(expectedDir, source.name)).sort()) {
      const stem = name.match(/^(.*)\.evtxexport\.xml$/)?.[1];
      if (stem === undefined) continue;
      dumps.push({
        evtxPath: `${source.name}/${stem}.evtx`,
        evtxexportXml: join(expectedDir, source.name, name),
        pythonEvtxXml: join(expectedDir, source.name, `${stem}.xml`),
      });
    }
  }
  return dumps;
}

/** Every `*.windows.xml` under `evtxDir`'s source folders, paired with its `.evtx`. */
export function findWindowsRenderings(evtxDir: string): WindowsRendering[] {
  const found: WindowsRendering[] = [];
  for (const source of readdirSync(evtxDir, { withFileTypes: true })) {
    if (!source.isDirectory()) continue;
    for (const name of readdirSync(join(evtxDir, source.name)).sort()) {
      const stem = name.match(/^(.*)\.windows\.xml$/)?.[1];
      if (stem === undefined) continue;
      found.push({
        evtxPath: `${source.name}/${stem}.evtx`,
        windowsXml: join(evtxDir, source.name, name),
      });
    }
  }
  return found;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return elementsOf(element).find((node) => node.name === name);
}

/** `System/EventRecordID` of an `Event` element, trimmed. */
export function eventRecordId(event: XmlElement): string {
  const system = child(event, 'System');
  const id = system === undefined ? undefined : child(system, 'EventRecordID');
  if (id === undefined)
    throw new Error(`Cannot key event at offset ${event.start}: no EventRecordID`);
  return textOf(id).trim();
}

/** Puts `value` under `key`, refusing a second event with the same record id. */
function setOnce<T>(map: Map<string, T>, key: string, value: T, file: string): void {
  if (map.has(key)) throw new Error(`Cannot index ${file}: EventRecordID ${key} appears twice`);
  map.set(key, value);
}

/** Canonical leaves of every event of a dump, by EventRecordID. */
export function loadLeafEvents(file: string, options: CanonicalOptions = {}): Map<string, Leaf[]> {
  const events = new Map<string, Leaf[]>();
  for (const event of findAll(parseXml(readFileSync(file, 'utf8')), 'Event')) {
    setOnce(events, eventRecordId(event), eventLeaves(event, options), file);
  }
  return events;
}

/**
 * Windows' text of every event, by EventRecordID, with `RenderingInfo` cut out: that element
 * holds message strings from the provider's resources, which are not in the `.evtx`.
 */
export function windowsEvents(xmlText: string, file = 'Windows XML'): Map<string, string> {
  const events = new Map<string, string>();
  for (const event of findAll(parseXml(xmlText), 'Event')) {
    let text = xmlText.slice(event.start, event.end);
    const infos = elementsOf(event).filter((node) => node.name === 'RenderingInfo');
    for (const info of infos.reverse()) {
      const from = info.start - event.start;
      text = text.slice(0, from) + text.slice(from + info.end - info.start);
    }
    setOnce(events, eventRecordId(event), text, file);
  }
  return events;
}
