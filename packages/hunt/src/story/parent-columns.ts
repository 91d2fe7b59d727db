/**
 * The parent each process start names (its ParentProcessGuid, ParentProcessId, ParentImage and
 * ParentUser), as columns by the child's entry index. The parent's guid is kept as the table
 * entry it names and how it was written (guid-form.ts), so a start costs about 29 bytes here
 * where an object per start with its guid text and map entry cost about 160 bytes of JS heap
 * (timeline over the generated 1 GB log: 83,035 of them). A guid in an unusual form, or one
 * that names no entry (all zeros), is kept as text.
 */
import type { ProcessRef } from '../events/activity.js';
import { defined } from '../events/fields.js';
import { GUID_ABSENT, GUID_OTHER, guidForm, guidOfForm } from './guid-form.js';

const FIRST_CAPACITY = 1024;
const NO_ENTRY = -1;

/** Parents by child entry index; see the module comment. */
export class ParentColumns {
  /** 1 for an entry whose parent is known. */
  #known = new Uint8Array(FIRST_CAPACITY);
  #guidForm = new Uint8Array(FIRST_CAPACITY);
  /** The entry the parent's guid names, NO_ENTRY when it is kept as text. */
  #entry = new Int32Array(FIRST_CAPACITY).fill(NO_ENTRY);
  /** NaN when absent. */
  #pid = new Float64Array(FIRST_CAPACITY).fill(NaN);
  readonly #images: (string | undefined)[] = [];
  readonly #users: (string | undefined)[] = [];
  readonly #guidTexts = new Map<number, string>();

  /** True when the entry's parent is known. */
  has(index: number): boolean {
    return this.#known[index] === 1;
  }

  /**
   * Keeps the parent of the entry at `index`. `entry` is the table entry the parent's guid
   * names, and `bare` that entry's normalised guid; without them the guid is kept as text.
   */
  set(index: number, parent: ProcessRef, named?: { entry: number; bare: string }): void {
    while (index >= this.#known.length) this.#grow();
    while (this.#images.length <= index) {
      this.#images.push(undefined);
      this.#users.push(undefined);
    }
    this.#known[index] = 1;
    this.#pid[index] = parent.pid ?? NaN;
    this.#images[index] = parent.image;
    this.#users[index] = parent.user;
    this.#setGuid(index, parent.guid, named);
  }

  /** The parent of the entry at `index`; `bareOf` gives an entry's normalised guid. */
  get(index: number, bareOf: (entry: number) => string): ProcessRef | undefined {
    if (this.#known[index] !== 1) return undefined;

    const pid = this.#pid[index] ?? NaN;
    return defined({
      guid: this.#guid(index, bareOf),
      pid: Number.isNaN(pid) ? undefined : pid,
      image: this.#images[index],
      user: this.#users[index],
    });
  }

  /** Forgets the parent of the entry at `index`. */
  delete(index: number): void {
    if (index >= this.#known.length) return;

    this.#known[index] = 0;
    this.#guidForm[index] = GUID_ABSENT;
    this.#entry[index] = NO_ENTRY;
    this.#pid[index] = NaN;
    this.#images[index] = undefined;
    this.#users[index] = undefined;
    this.#guidTexts.delete(index);
  }

  #setGuid(index: number, guid: string | undefined, named?: { entry: number; bare: string }) {
    this.#entry[index] = NO_ENTRY;
    this.#guidTexts.delete(index);
    if (guid === undefined) {
      this.#guidForm[index] = GUID_ABSENT;
      return;
    }
    const form = named === undefined ? GUID_OTHER : guidForm(guid, named.bare);
    this.#guidForm[index] = form;
    if (form === GUID_OTHER || named === undefined) this.#guidTexts.set(index, guid);
    else this.#entry[index] = named.entry;
  }

  #guid(index: number, bareOf: (entry: number) => string): string | undefined {
    const form = this.#guidForm[index];
    if (form === GUID_ABSENT) return undefined;
    if (form === GUID_OTHER) return this.#guidTexts.get(index);
    return guidOfForm(form ?? GUID_ABSENT, bareOf(this.#entry[index] ?? NO_ENTRY));
  }

  #grow(): void {
    // Doubled each time: a typed array costs its size in memory, with no heap growth around it.
    const capacity = this.#known.length * 2;
    this.#known = grown(this.#known, new Uint8Array(capacity));
    this.#guidForm = grown(this.#guidForm, new Uint8Array(capacity));
    this.#entry = grown(this.#entry, new Int32Array(capacity).fill(NO_ENTRY));
    this.#pid = grown(this.#pid, new Float64Array(capacity).fill(NaN));
  }
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
