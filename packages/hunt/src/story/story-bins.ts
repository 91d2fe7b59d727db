/**
 * The processes StoryColumns keeps events of, as columns: per process its host, ProcessGuid,
 * provider and image (shared text) and how many DNS queries, connections and files it kept and
 * dropped, found by the process table's index for it: about 70 bytes a process, instead of an
 * object, two arrays and a map key of its own.
 */
import type { StoryActivity } from './compact.js';
import { STORY_CONNECTION_LIMIT, STORY_DNS_LIMIT, STORY_FILE_LIMIT } from './story.js';
import type { TextPool } from '../events/text-pool.js';

/** The kinds a story keeps, as numbers: a query, a connection, a file created. */
export const KIND_DNS = 0;
export const KIND_CONNECTION = 1;
export const KIND_FILE = 2;

/** A story kind's number. */
export type StoryKind = typeof KIND_DNS | typeof KIND_CONNECTION | typeof KIND_FILE;

const LIMITS = [STORY_DNS_LIMIT, STORY_CONNECTION_LIMIT, STORY_FILE_LIMIT] as const;
/** Counts per process: kept and dropped for each of the three kinds. */
const COUNTS = 6;

/** Processes by index, found by host and ProcessGuid. */
export class StoryBins {
  readonly #pool: TextPool;
  /** Per process table entry, the index of its process here + 1; 0 for none. */
  #byEntry = new Int32Array(1024);
  readonly #computers: string[] = [];
  readonly #guids: string[] = [];
  readonly #providers: string[] = [];
  readonly #images: (string | undefined)[] = [];
  #counts = new Uint32Array(1024 * COUNTS);

  constructor(pool: TextPool) {
    this.#pool = pool;
  }

  /** Processes known. */
  get size(): number {
    return this.#guids.length;
  }

  /**
   * The index of the process `activity` names by `guid`, added when new; `entry` is the process
   * table's index for it (ProcessTable.indexOfGuid), which a guid keeps once known.
   */
  indexFor(activity: StoryActivity, guid: string, entry: number): number {
    const known = this.find(entry);
    if (known !== undefined) return known;

    const index = this.#guids.push(guid) - 1;
    this.#computers.push(this.#pool.share(activity.computer));
    this.#providers.push(this.#pool.share(activity.source.provider));
    this.#images.push(this.#pool.shareMaybe(activity.process.image));
    if ((index + 1) * COUNTS > this.#counts.length) this.#grow();
    if (entry >= this.#byEntry.length) this.#byEntry = grownTo(this.#byEntry, entry + 1);
    this.#byEntry[entry] = index + 1;
    return index;
  }

  /** The index of the process with this table entry, when it kept anything. */
  find(entry: number): number | undefined {
    const held = this.#byEntry[entry] ?? 0;
    return held === 0 ? undefined : held - 1;
  }

  /** True when the process may keep one more of `kind`; counts it as kept or dropped. */
  admit(index: number, kind: StoryKind): boolean {
    const kept = index * COUNTS + kind;
    if ((this.#counts[kept] ?? 0) >= LIMITS[kind]) {
      this.#counts[kept + 3] = (this.#counts[kept + 3] ?? 0) + 1;
      return false;
    }
    this.#counts[kept] = (this.#counts[kept] ?? 0) + 1;
    return true;
  }

  /** How many of `kind` the process kept. */
  kept(index: number, kind: StoryKind): number {
    return this.#counts[index * COUNTS + kind] ?? 0;
  }

  /** How many of each kind the process dropped past the limits. */
  dropped(index: number): { dns: number; connections: number; files: number } {
    const at = index * COUNTS + 3;
    const count = (kind: StoryKind) => this.#counts[at + kind] ?? 0;
    return { dns: count(KIND_DNS), connections: count(KIND_CONNECTION), files: count(KIND_FILE) };
  }

  /** The process's host. */
  computerOf(index: number): string {
    return this.#computers[index] ?? '';
  }

  /** The process's ProcessGuid as first logged. */
  guidOf(index: number): string {
    return this.#guids[index] ?? '';
  }

  /** Who the process is: host, ProcessGuid as first logged, provider and image. */
  process(index: number): { computer: string; guid: string; provider: string; image?: string } {
    const who = {
      computer: this.#computers[index] ?? '',
      guid: this.#guids[index] ?? '',
      provider: this.#providers[index] ?? '',
    };
    const image = this.#images[index];
    return image === undefined ? who : { ...who, image };
  }

  #grow(): void {
    const counts = new Uint32Array(Math.ceil(this.#counts.length * 1.5));
    counts.set(this.#counts);
    this.#counts = counts;
  }
}

/** A copy of `from` with room for at least `length` values, doubling. */
function grownTo(from: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  let capacity = from.length;
  while (capacity < length) capacity *= 2;
  const into = new Int32Array(capacity);
  into.set(from);
  return into;
}
