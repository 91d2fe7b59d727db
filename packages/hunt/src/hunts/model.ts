/**
 * Ready-made hunts: the workbench's Hunts menu, one hunt per file in this folder. A hunt is data
 * (a title, its ATT&CK technique ids, what it looks for, and what it opens), kept as TypeScript
 * rather than JSON so the compiler checks each one against this shape and the engine's finding
 * kinds, and so the page bundles them with no file to fetch. Its query is the workbench's own
 * query language (README, "Query language"), so it runs over the store exactly as a typed one.
 */
import type { FindingKind } from '../findings/finding.js';

/** What opening a hunt shows. */
export type HuntTarget = QueryTarget | FindingsTarget;

/** Events a query keeps. */
export interface QueryTarget {
  readonly kind: 'query';
  readonly query: string;
  /**
   * When set, only the events whose `field` value is rare among the query's events count: held
   * by at most `atMost` of them (DNS names asked for once, a logon source seen twice).
   */
  readonly rare?: RareBy;
}

/** Rare values of one field among a query's events. */
export interface RareBy {
  readonly field: string;
  readonly atMost: number;
}

/** The engine's findings of one kind. */
export interface FindingsTarget {
  readonly kind: 'findings';
  readonly finding: FindingKind;
}

/** One ready-made hunt. */
export interface ReadyHunt {
  /** Stable name, the file's name: `lsass-access`. */
  readonly id: string;
  readonly title: string;
  /** MITRE ATT&CK technique ids, such as T1003.001. */
  readonly techniques: readonly string[];
  /** What the hunt looks for and why it matters, in a sentence or two. */
  readonly looksFor: string;
  readonly opens: HuntTarget;
}
