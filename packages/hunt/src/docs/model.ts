/**
 * What the details pane says about an event and its fields. The texts are written for this
 * project from the facts in the public Sysmon schema and documentation and in Microsoft's
 * event documentation; none is a copy.
 */

/** Field name to a sentence or two on what the field holds. */
export type FieldDocs = Readonly<Record<string, string>>;

/** What one event means. */
export interface EventDoc {
  /** Provider name as logged (System/Provider/@Name). */
  readonly provider: string;
  readonly eventId: number;
  /** A few words, such as "Process created". */
  readonly title: string;
  /** What happened when this event is logged, and why a hunter looks at it. */
  readonly summary: string;
  /** Fields particular to this event; shared ones live in the provider's common docs. */
  readonly fields: FieldDocs;
}

/** Builds one EventDoc; keeps the tables short. */
export function eventDoc(
  provider: string,
  eventId: number,
  title: string,
  summary: string,
  fields: FieldDocs = {},
): EventDoc {
  return { provider, eventId, title, summary, fields };
}
