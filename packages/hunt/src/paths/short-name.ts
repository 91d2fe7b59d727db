/**
 * 8.3 short names (`ADMINI~1`, `PROGRA~3`, `DOCUME~1`) as logs write them. A short name cannot be
 * turned back into its long name without the disk, so it is compared by the rule that made it:
 * the first six letters of the long name without spaces or dots, `~N`, and the first three letters
 * of the extension.
 */

/** A short name: up to six characters, `~`, a number, and an optional extension. */
const SHORT_NAME = /^([^~.\\]{1,6})~[1-9][0-9]{0,5}(?:\.([^.\\]{1,3}))?$/;

/**
 * The drive-root folders whose short names share one stem (`progra`), as 64-bit Windows assigns
 * them at install time.
 * TODO: the numbers follow creation order, so a machine whose root folders were created in
 * another order (or 32-bit Windows, where ProgramData is PROGRA~2) names them differently.
 */
const DRIVE_ROOT_SHORT_NAMES: Readonly<Record<string, string>> = {
  'progra~1': 'program files',
  'progra~2': 'program files (x86)',
  'progra~3': 'programdata',
  'docume~1': 'documents and settings', // Windows XP profiles
};

/** True when `segment` looks like an 8.3 short name (`admini~1`, `dataus~1.dll`). */
export function isShortName(segment: string): boolean {
  return SHORT_NAME.test(segment);
}

/**
 * True when the lowercase `segment` is `longName` or could be its short name. `atDriveRoot` says
 * the segment is the first below a drive, where the `progra~N` names are told apart by number.
 */
export function segmentCouldBe(segment: string, longName: string, atDriveRoot: boolean): boolean {
  if (segment === longName) return true;
  if (!segment.includes('~')) return false;

  const short = SHORT_NAME.exec(segment);
  if (short === null) return false;

  const known = atDriveRoot ? DRIVE_ROOT_SHORT_NAMES[segment] : undefined;
  if (known !== undefined) return known === longName;
  return short[1] === shortStem(longName) && (short[2] ?? '') === shortExtension(longName);
}

/** The first six characters of the name before its extension, without spaces or dots. */
function shortStem(longName: string): string {
  const dot = longName.lastIndexOf('.');
  const base = dot > 0 ? longName.slice(0, dot) : longName;
  return base.replace(/[ .]/g, '').slice(0, 6);
}

function shortExtension(longName: string): string {
  const dot = longName.lastIndexOf('.');
  return dot > 0
    ? longName
        .slice(dot + 1)
        .replace(/ /g, '')
        .slice(0, 3)
    : '';
}
