/**
 * A Sysmon log of a given size from a seed: ordinary activity at random times with the injected
 * activity merged in by time, written chunk by chunk. Browser-safe: chunks come out as bytes and
 * the caller stores them; the same options give the same bytes.
 */
import { filetimeToIso } from '@evtxhunt/evtx';
import { EvtxWriter, filetimeFromMs } from '@evtxhunt/evtx/writer';

import { Background } from './background.js';
import { Injector, type InjectionOptions, type Label, type Scheduled } from './injections.js';
import { Prng } from './prng.js';
import { SysmonEncoder, type SysmonEvent } from './sysmon-event.js';
import { sysmonSchemas } from './templates.js';
import { World } from './world.js';

/** Bytes a generated record takes on average, chunk slack included; sets the event rate. */
export const AVERAGE_RECORD_BYTES = 1100;
const CHUNK_BYTES = 65536;
const HEADER_BYTES = 4096;

export interface GenerateOptions extends Partial<InjectionOptions> {
  readonly seed: number;
  /** Size to reach, in bytes; the injected activity still due is written after it. */
  readonly sizeBytes: number;
  /** Workstations logging; 20 by default. */
  readonly hosts?: number;
  /** Start of the log, epoch ms; 2024-03-04T08:00:00Z by default. */
  readonly startMs?: number;
  /** Time the log covers; 24 hours by default. */
  readonly spanMs?: number;
}

/** The defaults of every injection option. */
export const DEFAULT_INJECTIONS: InjectionOptions = {
  beacons: 2,
  beaconCount: 120,
  beaconIntervalMs: undefined,
  beaconJitter: 0.15,
  downloads: 2,
  phoneHome: 2,
  lateral: 2,
};

/** One generated log; iterate `chunks()` once, then read `fileHeader()` and `labels`. */
export class SysmonLogGenerator {
  readonly #writer = new EvtxWriter();
  readonly #encoder = new SysmonEncoder(sysmonSchemas());
  readonly #background: Background;
  readonly #injector: Injector;
  readonly #random: Prng;
  readonly #gapMs: number;
  readonly #start: number;
  #records = 0;

  constructor(private readonly options: GenerateOptions) {
    this.#random = new Prng(options.seed);
    const world = new World(this.#random, Math.max(3, options.hosts ?? 20));
    const startMs = options.startMs ?? Date.UTC(2024, 2, 4, 8);
    const spanMs = options.spanMs ?? 24 * 3600_000;
    this.#background = new Background(world, this.#random);
    this.#injector = new Injector(world, this.#random, startMs, spanMs);
    this.#injector.inject({ ...DEFAULT_INJECTIONS, ...definedOnly(options) });
    const expected = Math.max(1, options.sizeBytes / AVERAGE_RECORD_BYTES);
    this.#gapMs = spanMs / expected;
    this.#start = startMs;
  }

  /** Records written so far. */
  get records(): number {
    return this.#records;
  }

  /** The finished chunks, in order; afterwards `fileHeader()` and `labels` are final. */
  *chunks(): Generator<Uint8Array> {
    const scheduled = this.#injector.scheduled;
    let next = 0;
    let backgroundAt = this.#start + this.#random.exponential(this.#gapMs);
    let chunks = 0;

    for (;;) {
      const due = scheduled[next];
      const backgroundDone = HEADER_BYTES + chunks * CHUNK_BYTES >= this.options.sizeBytes;
      if (backgroundDone && due === undefined) break;

      let event: SysmonEvent;
      if (!backgroundDone && (due === undefined || backgroundAt <= due.timeMs)) {
        event = this.#background.event(backgroundAt);
        backgroundAt += this.#random.exponential(this.#gapMs);
      } else {
        event = this.#injected(due!);
        next++;
      }
      const full = this.#write(event);
      if (full !== undefined) {
        chunks++;
        yield full;
      }
    }
    const last = this.#writer.finish();
    if (last !== undefined) yield last;
  }

  #injected(due: Scheduled): SysmonEvent {
    const event = due.event();
    const label = due.label;
    if (label !== undefined) {
      const time = isoTime(event.timeMs);
      if (label.count === 0) label.firstSeen = time;
      label.lastSeen = time;
      label.count++;
    }
    return event;
  }

  #write(event: SysmonEvent): Uint8Array | undefined {
    const recordId = this.#writer.nextRecordId;
    const threadId = 4000 + 4 * Number(recordId % 13n);
    this.#records++;
    return this.#writer.add(this.#encoder.record(event, recordId, threadId));
  }

  /** The 4 KiB file header for what was written; write it at offset 0 once `chunks()` ends. */
  fileHeader(): Uint8Array {
    return this.#writer.fileHeader();
  }

  /** What was injected, with the times and counts actually written. */
  get labels(): readonly Label[] {
    return this.#injector.labels;
  }
}

/** The options actually given, so defaults fill the rest. */
function definedOnly(options: Partial<InjectionOptions>): Partial<InjectionOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** The time as the parser renders it: ISO-8601 with seven fraction digits. */
export function isoTime(timeMs: number): string {
  const ticks = filetimeFromMs(timeMs, Math.floor((timeMs % 1) * 10000));
  return filetimeToIso(Number(ticks & 0xffffffffn), Number(ticks >> 32n));
}
