/**
 * How a ProcessGuid was logged, against the normalised form a process key holds (lower case, no
 * braces): Sysmon writes `{UPPER}`, the generator `{lower}`, so a form is one byte where the text
 * would be a string per process. A guid in any other form is kept as text by the caller.
 */

export const GUID_ABSENT = 0;
export const GUID_BRACED_LOWER = 1;
export const GUID_BRACED_UPPER = 2;
export const GUID_BARE_LOWER = 3;
export const GUID_OTHER = 4;

/**
 * How `guid` is written against `bare`, the normalised form its key holds; GUID_OTHER when it is
 * none of the usual forms (then the text is kept as it is).
 */
export function guidForm(guid: string, bare: string): number {
  if (guid === bare) return GUID_BARE_LOWER;
  if (guid.length !== bare.length + 2 || !guid.startsWith('{') || !guid.endsWith('}')) {
    return GUID_OTHER;
  }
  const inner = guid.slice(1, -1);
  if (inner === bare) return GUID_BRACED_LOWER;
  return inner === bare.toUpperCase() ? GUID_BRACED_UPPER : GUID_OTHER;
}

/** The guid as logged, from its form and the normalised text; only for the three usual forms. */
export function guidOfForm(form: number, bare: string): string {
  if (form === GUID_BARE_LOWER) return bare;
  return `{${form === GUID_BRACED_UPPER ? bare.toUpperCase() : bare}}`;
}
