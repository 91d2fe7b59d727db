/**
 * JSON output is the exports' JSON text (@evtxhunt/hunt): beside the C0 controls JSON.stringify
 * escapes, the C1 controls, bidi overrides and separators are escaped, so a JSON line is as
 * terminal-safe as text output; 64-bit integers (bigint) become exact decimal strings.
 */
export { exportJsonText as jsonText } from '@evtxhunt/hunt';
