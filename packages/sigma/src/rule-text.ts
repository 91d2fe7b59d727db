/**
 * Telling a rule file from other YAML before compiling it: a folder of rules often holds other
 * YAML too (the rule set's regression `info.yml`, configuration), which should be counted
 * apart, not listed as rules that failed.
 */

/**
 * False for YAML that cannot be a Sigma rule or correlation: no top-level `title`, `detection`
 * or `correlation` key (read without parsing; the compiler reads the YAML of the others).
 */
export function isSigmaText(text: string): boolean {
  return /^['"]?(?:title|detection|correlation)['"]?\s*:/m.test(text);
}
