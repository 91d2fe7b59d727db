/**
 * One file read by the pool's workers together, the way packages/evtx's ChunkPool reads a file
 * in Node: the page opens the file header, splits the chunk slots into tasks (one slot first,
 * then 16, 1 MiB, by default), hands them to the workers and takes their answers back in slot
 * order through the parser's own accountant (`EvtxFile.beginPass`), so the rows, their order,
 * the summary and its diagnostics are those of one worker reading the file from start to end.
 * At most `window` tasks are sent and not yet taken in, so the rows waiting on the page stay a
 * few MiB of the file's worth whatever its size, and a page slower than its workers slows them
 * down instead of piling their answers up.
 */
import {
  blobSource,
  CHUNK_SIZE,
  EvtxFile,
  slotOffset,
  type RecoveredToRead,
  type SlotAccountant,
  type SlotReport,
} from '@evtxhunt/evtx';

import { keptSummary } from '../files/kept-summary.js';
import type { ParseOutcome, Progress, SlotsReply, SlotsRequest, WireSlot } from '../protocol.js';
import type { RowColumns } from '../row-columns.js';
import { checkColumns, sliceColumns } from '../row-columns-read.js';

/** What happens to one file's parse. */
export interface ParseListener {
  /** Rows read, in file order: a batch of columns, to be taken in before the call returns. */
  rows(rows: RowColumns, progress: Progress): void;
  done(outcome: ParseOutcome): void;
  failed(message: string): void;
  /** Cancelled while still waiting for a worker: nothing was read. */
  dropped(): void;
}

/** A task as the pool runs it: the request without the id the pool gives it. */
export type SlotsTask = Omit<SlotsRequest, 'kind' | 'id'>;

/** How a read reaches the workers and tells the pool it is over. */
export interface ReadContext {
  /** Runs `task` on a worker; resolves to its reply (a task that fails comes back so). */
  submit(task: SlotsTask): Promise<SlotsReply>;
  /** Called once, when the read has told its listener how it ended. */
  ended(): void;
}

/** The file and the id of its parse. */
export interface FileToRead {
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
}

/** How a file is split into tasks. */
export interface ReadSplit {
  /** Tasks sent and not yet taken in, at most. */
  readonly window: number;
  /** Chunk slots in one task. */
  readonly slotsPerTask: number;
}

/** A slot with its own rows, so rows go out with their slot when the accountant releases it. */
interface SlotWithRows extends SlotReport {
  readonly rows: RowColumns;
}

/** One task, from sent to taken in. */
interface ReadTask {
  readonly first: number;
  readonly count: number;
  reply: SlotsReply | undefined;
}

/** An opened file: its accountant and how many slots it has. */
interface OpenRead {
  readonly evtx: EvtxFile;
  readonly accountant: SlotAccountant<SlotWithRows>;
  readonly slots: number;
}

/** Reads one file through the pool; `start` once, `cancel` or `fail` at any time. */
export class FileRead {
  readonly #queue: ReadTask[] = [];
  #open: OpenRead | undefined;
  #next = 0;
  #records = 0;
  #bytes = 0;
  #cancelled = false;
  /** Every slot is taken in; the recovered records are being read. */
  #finishing = false;
  #ended = false;

  readonly #id: number;
  readonly #file: Blob;
  readonly #name: string;

  constructor(
    file: FileToRead,
    private readonly listener: ParseListener,
    private readonly context: ReadContext,
    private readonly split: ReadSplit,
  ) {
    this.#id = file.id;
    this.#file = file.file;
    this.#name = file.name;
  }

  /** Reads the file header, then sends the first tasks. */
  async start(): Promise<void> {
    let evtx: EvtxFile;
    try {
      evtx = await EvtxFile.open(blobSource(this.#file, this.#name));
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    const accountant = evtx.beginPass<SlotWithRows>();
    this.#open = { evtx, accountant, slots: evtx.summary.chunks.slots };
    if (this.#cancelled) this.finish(true);
    else this.fill();
  }

  /** Stops the read: rows taken in so far stay, answers still out are ignored. */
  cancel(): void {
    this.#cancelled = true;
    if (this.#open !== undefined) this.finish(true);
  }

  /** Ends the read as failed, with `message`. */
  fail(message: string): void {
    if (this.#ended) return;
    this.#ended = true;
    this.listener.failed(message);
    this.context.ended();
  }

  /** Sends tasks up to the window; finishes once every slot is taken in. */
  private fill(): void {
    const open = this.#open;
    if (open === undefined || this.#ended) return;
    while (this.#queue.length < this.split.window && this.#next < open.slots) {
      // The first task is one slot, so rows show once one chunk is parsed, not sixteen.
      const size = this.#next === 0 ? 1 : this.split.slotsPerTask;
      const task: ReadTask = {
        first: this.#next,
        count: Math.min(size, open.slots - this.#next),
        reply: undefined,
      };
      this.#queue.push(task);
      this.#next += task.count;
      void this.context.submit(this.request(task)).then((reply) => {
        task.reply = reply;
        this.takeIn();
      });
    }
    if (this.#queue.length === 0) this.finish(false);
  }

  private request({ first, count }: ReadTask): SlotsTask {
    return { parse: this.#id, file: this.#file, name: this.#name, first, count };
  }

  /** Takes in the answered tasks at the head of the queue, in slot order. */
  private takeIn(): void {
    const open = this.#open;
    if (open === undefined || this.#ended) return;
    const rows: RowColumns[] = [];
    try {
      while (this.#queue[0]?.reply !== undefined) {
        const { reply } = this.#queue.shift() as ReadTask & { reply: SlotsReply };
        for (const slot of withRows(reply)) this.release(open.accountant.add(slot), rows);
      }
    } catch (error) {
      // Only a worker answering out of turn or with a broken batch gets here: a bug, not data.
      this.fail(`${this.#name}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.hand(rows);
    this.fill();
  }

  /** Hands the released rows to the listener, with the progress after the last of them. */
  private hand(rows: readonly RowColumns[]): void {
    const progress = this.progress();
    for (const batch of rows) this.listener.rows(batch, progress);
  }

  /**
   * Counts the slots the accountant released and gathers their rows; a chunk that repeats an
   * earlier one byte for byte (the accountant says so) gives none, as in a sequential read.
   */
  private release(slots: readonly SlotWithRows[], rows: RowColumns[]): void {
    for (const slot of slots) {
      const own = slot.info.duplicateOf === undefined ? slot.rows.count : 0;
      if (own > 0) rows.push(slot.rows);
      this.#records += own;
      this.#bytes = Math.min(this.#file.size, slotOffset(slot.info.index) + CHUNK_SIZE);
    }
  }

  /**
   * Every slot is taken in: the accountant completes the summary, then the recovered records
   * that repeat no other record are asked for again and their rows come last.
   */
  private finish(cancelled: boolean): void {
    const open = this.#open;
    if (open === undefined || this.#ended) return;
    if (cancelled) {
      this.end(open, true);
      return;
    }
    if (this.#finishing) return;
    this.#finishing = true;
    const rows: RowColumns[] = [];
    this.release(open.accountant.finish(), rows);
    this.hand(rows);
    const toRead = open.accountant.recoveredToRead();
    void this.readRecovered(toRead, open.accountant).then(() => this.end(open, this.#cancelled));
  }

  /** Rows of the recovered records of `toRead`, a slot per task, at most `window` out. */
  private async readRecovered(
    toRead: readonly RecoveredToRead[],
    accountant: SlotAccountant<SlotWithRows>,
  ): Promise<void> {
    const pending: { entry: RecoveredToRead; reply: Promise<SlotsReply> }[] = [];
    let next = 0;
    while (next < toRead.length || pending.length > 0) {
      while (pending.length < this.split.window && next < toRead.length) {
        const entry = toRead[next++] as RecoveredToRead;
        const task = { ...this.request({ first: entry.index, count: 1, reply: undefined }) };
        const recovered = { recovered: entry.offsets, late: entry.late };
        pending.push({ entry, reply: this.context.submit({ ...task, ...recovered }) });
      }
      const { entry, reply: replied } = pending.shift() as (typeof pending)[number];
      const reply = await replied;
      if (this.#ended || this.#cancelled) return;
      for (const slot of reply.slots) {
        const failure = slot.diagnostics.filter((d) => d.severity === 'error').at(-1)?.message;
        accountant.settleRecovered(entry, slot.rows, slot.late, failure);
      }
      const rows = reply.batch;
      try {
        checkColumns(rows, `${this.#name}: task ${reply.id}`);
      } catch (error) {
        // Only a worker answering with a broken batch gets here: a bug, not data.
        this.fail(error instanceof Error ? error.message : String(error));
        return;
      }
      this.#records += rows.count;
      if (rows.count > 0) this.listener.rows(rows, this.progress());
    }
  }

  private end(open: OpenRead, cancelled: boolean): void {
    if (this.#ended) return;
    this.#ended = true;
    const progress = this.progress(cancelled ? this.#bytes : this.#file.size);
    this.listener.done({ cancelled, progress, ...keptSummary(open.evtx.summary) });
    this.context.ended();
  }

  private progress(bytes = this.#bytes): Progress {
    return { bytes, size: this.#file.size, records: this.#records };
  }
}

/** The reply's slots, each with its share of the reply's rows. */
function withRows(reply: SlotsReply): SlotWithRows[] {
  const rows = reply.batch;
  checkColumns(rows, `task ${reply.id}`);
  const claimed = reply.slots.reduce((sum, slot) => sum + slot.rows, 0);
  if (claimed !== rows.count) {
    throw new RangeError(
      `task ${reply.id}: its slots claim ${claimed} rows, its batch holds ${rows.count}`,
    );
  }
  let at = 0;
  const slots = reply.slots.map((slot: WireSlot): SlotWithRows => {
    const { info, diagnostics, recordIds, keys } = slot;
    const own = sliceColumns(rows, at, at + slot.rows);
    at += slot.rows;
    return { info, diagnostics, recordIds, keys, rows: own };
  });
  return slots;
}
