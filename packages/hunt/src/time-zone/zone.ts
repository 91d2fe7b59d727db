/**
 * Time zones for display. A choice is 'UTC' (the default everywhere), 'local' (the zone of the
 * machine or browser running the code) or an IANA name the JavaScript engine knows, such as
 * Europe/Berlin. Validation and the list of names come from Intl; nothing here keeps state.
 */

/** A zone choice: 'UTC', 'local', or an IANA zone name. */
export type TimeZoneChoice = 'UTC' | 'local' | (string & {});

/** Longest zone name accepted; IANA names are far shorter, so anything longer is not one. */
export const TIME_ZONE_NAME_LIMIT = 64;

/**
 * Zones offered when the engine cannot list its own (Intl.supportedValuesOf is missing).
 * TODO: this short list is a fallback for old engines only; it is not the full IANA list.
 */
const FALLBACK_ZONES: readonly string[] = [
  'America/Chicago',
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Moscow',
  'Europe/Paris',
];

/** A zone choice that cannot be used: not 'UTC', not 'local', and not a name Intl knows. */
export class TimeZoneError extends Error {
  override name = 'TimeZoneError';
}

/**
 * The IANA name a choice stands for: 'UTC' for 'UTC', the engine's own zone for 'local', and
 * Intl's canonical spelling for a named zone ('europe/berlin' becomes 'Europe/Berlin', and
 * 'Etc/UTC' becomes 'UTC'). Throws TimeZoneError for a name Intl does not know.
 */
export function resolveTimeZone(choice: TimeZoneChoice): string {
  if (choice === 'UTC') return 'UTC';
  if (choice === 'local') return localTimeZone();
  if (choice.length === 0 || choice.length > TIME_ZONE_NAME_LIMIT) throw unknownZone(choice);

  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: choice }).resolvedOptions().timeZone;
  } catch {
    throw unknownZone(choice);
  }
}

/** The zone of the machine or browser running this code, as an IANA name. */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Every zone a user can pick, 'UTC' first, then the engine's IANA names in its own order
 * (Intl.supportedValuesOf), or a short fallback list on engines without it.
 */
export function listTimeZones(): readonly string[] {
  const named =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : FALLBACK_ZONES;
  return ['UTC', ...named.filter((zone) => zone !== 'UTC')];
}

function unknownZone(choice: string): TimeZoneError {
  const shown = choice.length > TIME_ZONE_NAME_LIMIT ? `${choice.slice(0, 32)}…` : choice;
  return new TimeZoneError(
    `Unknown time zone '${shown}': expected 'UTC', 'local' or an IANA name such as Europe/Berlin`,
  );
}
