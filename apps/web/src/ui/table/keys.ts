/** How keys move the selection in the table: pure, so it is tested without a browser. */

/** The new selected position after `key`, or undefined when the key does not move it. */
export function movedSelection(
  key: string,
  selected: number,
  rowCount: number,
  pageRows: number,
): number | undefined {
  if (rowCount === 0) return undefined;
  const from = selected < 0 ? -1 : selected;
  const clamp = (position: number) => Math.min(rowCount - 1, Math.max(0, position));
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from < 0 ? 0 : from - 1);
    case 'PageDown':
      return clamp(from + pageRows);
    case 'PageUp':
      return clamp(from - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return rowCount - 1;
    default:
      return undefined;
  }
}
