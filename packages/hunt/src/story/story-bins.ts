/**
 * The processes StoryColumns keeps events of, as columns: per process its host, ProcessGuid,
 * provider and image (shared text) and how many DNS queries, connections and files it kept and
 * dropped, about 100 bytes a process with its key, instead of an object, two arrays and a map key
 * of its own.
 */
import type { StoryActivity } from './compact.js';
import { guidKey, type ProcessKey } from './process-node.js';
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
  readonly #byGuid = new Map<string, number>();
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
   * The index of the process `activity` names by `guid`, added when new; `id` is
   * guidKey(activity.computer, guid). `tableKey` is the process's key in the table: when it is
   * the same text as `id`, it is kept instead.
   */
  indexFor(activity: StoryActivity, guid: string, tableKey: ProcessKey, id: ProcessKey): number {
    const known = this.#byGuid.get(id);
    if (known !== undefined) return known;

    const index = this.#guids.push(guid) - 1;
    this.#computers.push(this.#pool.share(activity.computer));
    this.#providers.push(this.#pool.share(activity.source.provider));
    this.#images.push(this.#pool.shareMaybe(activity.process.image));
    if ((index + 1) * COUNTS > this.#counts.length) this.#grow();
    this.#byGuid.set(tableKey === id ? tableKey : id, index);
    return index;
  }

  /** The index of the process with this host and ProcessGuid, when it kept anything. */
  find(computer: string, guid: string): number | undefined {
    return this.#byGuid.get(guidKey(computer, guid));
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
