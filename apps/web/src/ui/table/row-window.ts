/**
 * Which rows a virtual table draws for a scroll position. Only the rows in sight are in the
 * DOM. Browsers cap an element's height (about 17 million pixels in Firefox), so past
 * `maxHeight` the scroll range is scaled: the scroll fraction picks the first row, and rows
 * are drawn at the top of the viewport instead of at their own offset.
 */

/** The geometry a window is computed from. */
export interface TableGeometry {
  readonly rowCount: number;
  readonly rowHeight: number;
  /** Height of the visible part of the body, in pixels. */
  readonly viewportHeight: number;
  /** The tallest body the table lets the browser lay out. */
  readonly maxHeight: number;
}

/** The rows to draw and where. */
export interface RowWindow {
  /** Position of the first row drawn. */
  readonly first: number;
  /** Rows drawn (a partial one at the bottom included). */
  readonly count: number;
  /** Pixels from the body's top to the first row drawn. */
  readonly top: number;
  /** The body's height: all rows, or `maxHeight` when scaled. */
  readonly bodyHeight: number;
}

/**
 * The tallest body laid out by default: safe in every current browser.
 * TODO: past about 8 million rows a scaled row is less than one pixel of scroll, and browsers
 * round scroll positions, so the scroll bar and the keyboard can land a row off; paging the
 * body in segments would fix it.
 */
export const MAX_BODY_HEIGHT = 8_000_000;

/** Rows that fit fully in the viewport (at least 1). */
export function rowsInView(geometry: TableGeometry): number {
  return Math.max(1, Math.floor(geometry.viewportHeight / geometry.rowHeight));
}

function scrollRange(geometry: TableGeometry, bodyHeight: number): number {
  return Math.max(1, bodyHeight - geometry.viewportHeight);
}

function lastFirstRow(geometry: TableGeometry): number {
  return Math.max(0, geometry.rowCount - rowsInView(geometry));
}

/** The window for `scrollTop`. */
export function rowWindow(geometry: TableGeometry, scrollTop: number): RowWindow {
  const { rowCount, rowHeight, viewportHeight, maxHeight } = geometry;
  const fullHeight = rowCount * rowHeight;
  const count = Math.ceil(viewportHeight / rowHeight) + 1;

  if (fullHeight <= maxHeight) {
    const first = Math.min(
      Math.max(0, Math.floor(scrollTop / rowHeight)),
      Math.max(0, rowCount - 1),
    );
    return {
      first,
      count: Math.min(count, rowCount - first),
      top: first * rowHeight,
      bodyHeight: fullHeight,
    };
  }

  const fraction = Math.min(1, Math.max(0, scrollTop / scrollRange(geometry, maxHeight)));
  const first = Math.round(fraction * lastFirstRow(geometry));
  const top = Math.min(Math.max(0, scrollTop), maxHeight - viewportHeight);
  return { first, count: Math.min(count, rowCount - first), top, bodyHeight: maxHeight };
}

/** The scrollTop that puts row `position` at the top of the viewport. */
export function scrollTopFor(geometry: TableGeometry, position: number): number {
  const fullHeight = geometry.rowCount * geometry.rowHeight;
  if (fullHeight <= geometry.maxHeight) return position * geometry.rowHeight;

  const last = lastFirstRow(geometry);
  const fraction = last === 0 ? 0 : Math.min(1, position / last);
  return fraction * scrollRange(geometry, geometry.maxHeight);
}

/**
 * The scrollTop that brings `position` into full view with the least movement, or undefined
 * when it is already in view.
 */
export function scrollToShow(
  geometry: TableGeometry,
  scrollTop: number,
  position: number,
): number | undefined {
  const { first } = rowWindow(geometry, scrollTop);
  const fitting = rowsInView(geometry);
  const scaled = geometry.rowCount * geometry.rowHeight > geometry.maxHeight;
  const offset = scaled ? 0 : scrollTop - first * geometry.rowHeight;

  if (position < first || (position === first && offset > 0)) {
    return scrollTopFor(geometry, position);
  }
  if (position >= first + fitting) {
    const top = scrollTopFor(geometry, position - fitting + 1);
    return scaled
      ? top
      : position * geometry.rowHeight + geometry.rowHeight - geometry.viewportHeight;
  }
  return undefined;
}
