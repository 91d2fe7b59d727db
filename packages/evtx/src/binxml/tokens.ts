/** BinXml token bytes (MS-EVEN6 2.2.12); the 0x40 bit means "more data follows". */
export const Token = {
  EndOfFragment: 0x00,
  OpenStartElement: 0x01,
  CloseStartElement: 0x02,
  CloseEmptyElement: 0x03,
  EndElement: 0x04,
  Value: 0x05,
  Attribute: 0x06,
  CData: 0x07,
  CharRef: 0x08,
  EntityRef: 0x09,
  PITarget: 0x0a,
  PIData: 0x0b,
  TemplateInstance: 0x0c,
  NormalSubstitution: 0x0d,
  OptionalSubstitution: 0x0e,
  FragmentHeader: 0x0f,
} as const;

export const MORE_FLAG = 0x40;

/** The token with its "more" flag cleared. */
export function baseToken(byte: number): number {
  return byte & ~MORE_FLAG;
}

/**
 * Limits that bound the work any input can cause; an input over one fails its record with an
 * error that names the limit (see `overLimit`), at the offset where it was met. The other sizes
 * are bounded by the format itself: a string's length is a 16-bit count, and a 64 KiB chunk
 * holds at most (65536 - 512) / 28 = 2322 records.
 */
export const Limits = {
  /** Elements inside elements, counted through template bodies and BinXml values. */
  maxElementDepth: 64,
  /**
   * Template instances inside template instances: a BinXml value holding an instance, or a
   * template body holding one. Windows nests two (the event, its EventData).
   */
  maxTemplateDepth: 16,
  /** Substitution values in one template instance. */
  maxSubstitutions: 4096,
} as const;

/** The name of one of the `Limits`, as errors, diagnostics and summaries carry it. */
export type LimitName = keyof typeof Limits;

/**
 * The reason of an error for an input over `limit`, e.g.
 * `element depth 65 over the limit maxElementDepth (64)`.
 */
export function overLimit(limit: LimitName, found: string): string {
  return `${found} over the limit ${limit} (${Limits[limit]})`;
}
