/**
 * The zone names the zone switch offers. Chromium's Intl.supportedValuesOf lists some zones by
 * the old names ICU keeps (Asia/Calcutta, Europe/Kiev); the switch offers today's IANA names
 * instead when the browser accepts them, and always offers the zone a link asked for.
 */

/** Old IANA names some engines still list, with the name IANA gives each zone today. */
export const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** `zone` under the name IANA gives it today (Intl resolves Asia/Kolkata to Asia/Calcutta). */
export function currentZoneName(zone: string): string {
  return Object.hasOwn(CURRENT_ZONE_NAMES, zone) ? (CURRENT_ZONE_NAMES[zone] ?? zone) : zone;
}

/** True when Intl.DateTimeFormat takes `zone`. */
export function zoneAccepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The named zones to offer, sorted: each of `listed` under its current name when `accepts`
 * takes that name, and `chosen` (a zone from a link, say) when it is a name not among them.
 */
export function offeredZones(
  listed: readonly string[],
  chosen: string,
  accepts: (zone: string) => boolean = zoneAccepted,
): string[] {
  const named = new Set<string>();
  for (const zone of listed) {
    const current = Object.hasOwn(CURRENT_ZONE_NAMES, zone) ? CURRENT_ZONE_NAMES[zone] : undefined;
    named.add(current !== undefined && accepts(current) ? current : zone);
  }
  if (chosen !== 'UTC' && chosen !== 'local') named.add(chosen);
  named.delete('UTC');
  return [...named].sort();
}
