/** Sizes as people write them: `100MB`, `1GB`, `512k`, `65536` (binary units). */
const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** Bytes in a size text; throws a RangeError naming the text when it is not one. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (match === null || unit === undefined) {
    throw new RangeError(`Cannot read size ${JSON.stringify(text)}: expected e.g. 100MB or 1GB`);
  }
  return Math.round(Number(match[1]) * unit);
}
