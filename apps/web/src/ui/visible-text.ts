/**
 * Event values are attacker-controlled text. Preact already writes them as text, never markup;
 * this also keeps them from deceiving the eye: control characters, which draw as nothing or as
 * boxes, and the bidirectional marks, overrides and isolates that reorder what is drawn
 * (`evil\u202etxt.exe` drawn as `evilexe.txt`) are shown as escapes (`\x1b`, `\u202e`), as the
 * command line shows them. Tabs and line breaks are left to the caller. Copy buttons and
 * exports keep the value exactly as logged.
 *
 * Table cells, the details pane, findings (list, detail, Sigma rule and matched fields), the
 * chain story, the outbound view, the Sigma rules' load messages, bookmarks, facet values and
 * every data field's name (i18n/columns.ts: headers, the column chooser, facets) go through it.
 */
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** The text with controls and direction marks shown as escapes. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, escapeChar);
}

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}
