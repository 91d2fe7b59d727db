/**
 * The short form of a field's meaning, shown beside every field: its first sentence, cut at a
 * word when that sentence is long. The full text is one click away.
 */

/** A meaning's short form, and whether the full text says more. */
export interface MeaningLead {
  readonly lead: string;
  readonly hasMore: boolean;
}

/** The short form is at most this many characters, an ellipsis included. */
export const LEAD_MAX_CHARS = 140;

// A sentence ends at . ! or ? followed by a space and a capital, a digit or an opening mark.
const SENTENCE_END = /[.!?]\s+(?=[A-Z0-9"'(])/;

/** The first sentence of `text`, or its first `maxChars` cut at a word with an ellipsis. */
export function meaningLead(text: string, maxChars = LEAD_MAX_CHARS): MeaningLead {
  const whole = text.trim();
  const end = SENTENCE_END.exec(whole);
  const sentence = end === null ? whole : whole.slice(0, end.index + 1);
  if (sentence.length <= maxChars) {
    return { lead: sentence, hasMore: sentence.length < whole.length };
  }

  // A space right after the last whole word counts, so look one character further.
  const room = whole.slice(0, maxChars);
  const space = room.lastIndexOf(' ');
  const cut = space > maxChars / 2 ? room.slice(0, space) : room.slice(0, maxChars - 1);
  return { lead: `${cut.replace(/[\s,;:]+$/, '')}…`, hasMore: true };
}
