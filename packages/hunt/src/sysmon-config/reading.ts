/**
 * The state shared by the parts of the configuration reader, and how they report problems.
 */
import type { ConfigWarning, GroupRelation, RuleSet } from './model.js';
import { type XmlElement, attributeValue } from './xml.js';

/** What the reader collects while walking the file. */
export interface Reading {
  readonly defaultRelation: GroupRelation;
  readonly sets: RuleSet[];
  readonly warnings: ConfigWarning[];
}

/** Records a warning at the line of `at`. */
export function warn(reading: Reading, at: { readonly line: number }, message: string): void {
  reading.warnings.push({ line: at.line, message });
}

/** The `groupRelation` of a RuleGroup or Rule; Sysmon reads anything but "or" as "and". */
export function readRelation(reading: Reading, element: XmlElement): GroupRelation | undefined {
  const relation = attributeValue(element, 'groupRelation');
  if (relation === undefined) return undefined;

  const lower = relation.toLowerCase();
  if (lower === 'or' || lower === 'and') return lower;
  warn(
    reading,
    element,
    `groupRelation ${JSON.stringify(relation)} is read as "and", as Sysmon does`,
  );
  return 'and';
}
