/**
 * Integrity levels: Sysmon 1's IntegrityLevel word and the mandatory label SIDs (S-1-16-*) that
 * Security events such as 4688 carry (MandatoryLabel). From Microsoft's "Well-known SIDs" and
 * "Mandatory Integrity Control" pages.
 */
import { decodedText, type DecodedValue } from './model.js';

/** Mandatory label RIDs (the number after S-1-16-) and what runs at each level. */
export const MANDATORY_LABELS: ReadonlyMap<number, string> = new Map([
  [0x0000, 'Untrusted'],
  [0x1000, 'Low (sandboxed, such as a browser tab)'],
  [0x2000, "Medium (a standard user's programs)"],
  [0x2100, 'Medium Plus'],
  [0x3000, 'High (elevated: run as administrator)'],
  [0x4000, 'System (services and the system itself)'],
  [0x5000, 'Protected Process'],
  [0x7000, 'Secure Process'],
]);

/** Sysmon's IntegrityLevel words, to their mandatory label RID. */
const LEVEL_WORDS: ReadonlyMap<string, number> = new Map([
  ['untrusted', 0x0000],
  ['low', 0x1000],
  ['medium', 0x2000],
  ['mediumplus', 0x2100],
  ['high', 0x3000],
  ['system', 0x4000],
  ['protected', 0x5000],
]);

const LABEL_SID = /^S-1-16-([0-9]{1,10})$/i;

/** What a mandatory label SID (S-1-16-N) stands for, or undefined when it is not one. */
export function decodeMandatoryLabel(value: string): DecodedValue | undefined {
  const match = LABEL_SID.exec(value.trim());
  const rid = match === null ? undefined : Number(match[1]);
  const level = rid === undefined ? undefined : MANDATORY_LABELS.get(rid);
  return level === undefined ? undefined : decodedText(`${level} integrity`);
}

/**
 * What Sysmon writes for a process in an AppContainer (a Store app or a browser's sandbox): such
 * a token always carries the Low mandatory label, and the container cuts it off further.
 */
const APP_CONTAINER =
  "AppContainer: a sandboxed app, isolated from the user's other programs; " +
  'Low integrity, mandatory label S-1-16-4096';

/** What a Sysmon IntegrityLevel word means, with its label SID, or undefined for other text. */
export function decodeIntegrityLevel(value: string): DecodedValue | undefined {
  const word = value.trim().toLowerCase();
  if (word === 'appcontainer') return decodedText(APP_CONTAINER);
  const rid = LEVEL_WORDS.get(word);
  const level = rid === undefined ? undefined : MANDATORY_LABELS.get(rid);
  if (rid === undefined || level === undefined) return undefined;
  return decodedText(`${level} integrity, mandatory label S-1-16-${rid}`);
}
