/** The facts of a `sigma` finding's rule, labelled, for the text and HTML reports. */
import type { Finding } from './hunt-types.js';

/** Field values shown per finding at most, in characters each; the rest is cut with `...`. */
const FIELD_SHOWN = 300;

/** Label and value pairs: the rule, its id and file, ATT&CK techniques, tags, fields. */
export function sigmaFacts(finding: Finding): [string, string][] {
  const sigma = finding.sigma;
  if (sigma === undefined) return [];

  const fields = Object.entries(sigma.fields).map(([name, value]) => {
    const shown = typeof value === 'string' ? value : value.join(' | ');
    return `${name}=${shown.length > FIELD_SHOWN ? `${shown.slice(0, FIELD_SHOWN)}...` : shown}`;
  });
  return [
    ['rule', `${sigma.title} (${sigma.level})`],
    ['rule id', sigma.id === '' ? '(none)' : sigma.id],
    ['rule file', sigma.file],
    ...(sigma.techniques.length === 0
      ? []
      : [['att&ck', sigma.techniques.join(', ')] as [string, string]]),
    ...(sigma.tags.length === 0 ? [] : [['tags', sigma.tags.join(', ')] as [string, string]]),
    ...fields.map((field, i): [string, string] => [i === 0 ? 'fields' : '', field]),
  ];
}
