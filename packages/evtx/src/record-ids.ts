/** The span of record ids a slot holds. */

/** The smallest and largest record header id read from a slot. */
export interface RecordIds {
  readonly first: bigint;
  readonly last: bigint;
}

/** The smallest and largest id of `records`, or undefined when there are none. */
export function recordIdRange(records: readonly { recordId: bigint }[]): RecordIds | undefined {
  let first: bigint | undefined;
  let last: bigint | undefined;
  for (const { recordId } of records) {
    if (first === undefined || recordId < first) first = recordId;
    if (last === undefined || recordId > last) last = recordId;
  }
  return first === undefined || last === undefined ? undefined : { first, last };
}
