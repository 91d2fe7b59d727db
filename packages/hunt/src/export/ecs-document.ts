/** A JSON document built from dotted ECS field names (`process.parent.pid`), nested. */

/** The ECS version the documents of events and findings follow. */
export const ECS_VERSION = '8.11.0';

/** Builds one document; fields keep the order they were first set in. */
export class EcsDocument {
  /** The document, ready for JSON. */
  readonly value: Record<string, unknown> = {};

  /**
   * Sets a field by its dotted name; undefined and empty text leave the field out. Names are
   * ours, never the event's, so no step of one can be `__proto__`.
   */
  set(name: string, value: unknown): void {
    if (value === undefined || value === '') return;

    const steps = name.split('.');
    const last = steps.pop() ?? name;
    let node = this.value;
    for (const step of steps) node = childObject(node, step);
    node[last] = value;
  }

  /** The value at a dotted name, or undefined. */
  get(name: string): unknown {
    let node: unknown = this.value;
    for (const step of name.split('.')) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[step];
    }
    return node;
  }
}

function childObject(node: Record<string, unknown>, step: string): Record<string, unknown> {
  const child = node[step];
  if (typeof child === 'object' && child !== null) return child as Record<string, unknown>;

  const created: Record<string, unknown> = {};
  node[step] = created;
  return created;
}
