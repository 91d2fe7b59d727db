/** What the table walks: positions 0..length-1, each naming a store row. */

/** An ordered selection of rows. */
export interface RowView {
  readonly length: number;
  /** The store row at `position`. */
  row(position: number): number;
  /** Where `row` sits in the view, or -1 when the view leaves it out. */
  positionOf(row: number): number;
}

/** Every row in store order, without an index array. */
export function identityView(count: number): RowView {
  return {
    length: count,
    row: (position) => position,
    positionOf: (row) => (row >= 0 && row < count ? row : -1),
  };
}

/** The rows of `index`, in its order. */
export function indexView(index: Uint32Array): RowView {
  return {
    length: index.length,
    row: (position) => index[position] ?? -1,
    positionOf: (row) => index.indexOf(row),
  };
}
