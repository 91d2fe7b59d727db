/**
 * The engine's stories as columns. A StoryCollector keeps an object per DNS query, connection
 * and file (a few hundred bytes each); the engine reads its stories for chains alone, so it keeps
 * them as rows instead: per event its process (an index), its evidence and time (EvidenceColumns)
 * and an index into a table of the parts that repeat (the name asked for and its answers, the
 * two ends of a connection, the file written); a connection's source port is a column of its
 * own. About 37 bytes an event. activitiesOf() builds a process's activities again when asked,
 * with exactly the values a StoryCollector would have kept.
 *
 * Files are kept only when a chain can report them (code, or any file of a suspicious image).
 *
 * TODO: this still grows with the log (about 27 bytes a record on a generated Sysmon log, 20
 * of them typed arrays): a connection's evidence is kept here and again in its series, and the
 * DNS queries and connections of every process are kept although a chain reads them only for a
 * process that wrote a file it can report, which few do. Sharing the series' evidence columns,
 * or dropping rows older than CONNECT_TO_FILE_WINDOW_MS plus DNS_TO_CONNECT_WINDOW_MS once the
 * logs are known to arrive in time order, would cut most of it.
 *
 * At report time activitiesOf() makes one RowActivities a process (its counts; its lists only
 * when read): of the 30,953 processes of the generated 1 GB log two reach their lists and 8
 * activities are built. An object with three closures a process, before, made enough garbage to
 * bring on a full collection that grew the old space by 9-15 MB, where the hunt's peak RSS fell.
 * TODO: keys() still makes a guid key text a process to find its table key; the bins could keep
 * the table's index instead.
 */
import type { Activity, DnsQuery, FileActivity, NetworkConnect } from '../events/activity.js';
import { defined } from '../events/fields.js';
import { TextPool } from '../events/text-pool.js';
import { EvidenceColumns, FileNames } from '../engine/evidence-columns.js';
import type { StoryActivity } from './compact.js';
import { guidKey, type ProcessKey } from './process-node.js';
import type { NotedProcess, ProcessTable } from './process-table.js';
import { KIND_CONNECTION, KIND_DNS, KIND_FILE, StoryBins, type StoryKind } from './story-bins.js';
import type { ProcessActivities, StoryDropped, StorySource } from './story.js';
import { TupleTable, tupleKey } from './tuple-table.js';

const NO_PORT = -1;
const FIRST_CAPACITY = 1024;
const LARGE = 65_536;

/** The repeated parts of a DNS query a story step reads. */
type DnsParts = Pick<DnsQuery, 'queryName' | 'queryStatus' | 'resolvedAddresses'>;

/** The parts of a connection a story step reads, but its source port. */
type ConnectionParts = Pick<
  NetworkConnect,
  | 'protocol'
  | 'initiated'
  | 'sourceIp'
  | 'destinationIp'
  | 'destinationPort'
  | 'destinationHostname'
>;

/**
 * False for an activity no reader will ask for; `image` is the table's image for the process
 * acting, as known when the activity is added.
 */
export type StoryKeep = (activity: StoryActivity, image: string | undefined) => boolean;

/** Who a process is, for the activities built again from its rows. */
interface Bin {
  readonly computer: string;
  readonly provider: string;
  /** The process as its story activities name it, one object shared by all of them. */
  readonly process: StoryActivity['process'];
}

/**
 * Collects the DNS queries, connections and files of processes named by ProcessGuid, as rows;
 * process starts go to the table given, as with StoryCollector.
 */
export class StoryColumns implements StorySource {
  readonly table: ProcessTable;
  readonly #keep: StoryKeep;
  readonly #bins: StoryBins;
  readonly #evidence = new EvidenceColumns(new FileNames());
  readonly #dns = new TupleTable<DnsParts>();
  readonly #connections = new TupleTable<ConnectionParts>();
  readonly #files = new TupleTable<string>();
  #rowBin = new Uint32Array(FIRST_CAPACITY);
  #rowKind = new Uint8Array(FIRST_CAPACITY);
  #rowParts = new Uint32Array(FIRST_CAPACITY);
  #rowPort = new Int32Array(FIRST_CAPACITY);
  #rows = 0;
  /** What the table says of the process a row is added for, reused from row to row. */
  readonly #noted: NotedProcess = { index: 0, image: undefined };
  /** The evidence times, read while activities are built. */
  #times: Float64Array = new Float64Array(0);
  /** Rows grouped by bin, built when first read after an add. */
  #grouped: { readonly rows: number; readonly start: Uint32Array; order: Uint32Array } | undefined;

  /**
   * `keep` is false for an activity no reader will ask for (see chainActivity); `pool` shares
   * the computers, providers and images of the processes kept.
   */
  constructor(table: ProcessTable, keep: StoryKeep, pool: TextPool = new TextPool()) {
    this.table = table;
    this.#keep = keep;
    this.#bins = new StoryBins(pool);
  }

  /**
   * Takes one activity, as StoryCollector.add does, but for process ends: no chain reads when
   * a process ended, so ends are not kept.
   */
  add(activity: Activity): void {
    if (activity.kind === 'process-start') {
      this.table.add(activity);
      return;
    }
    if (activity.kind !== 'dns' && activity.kind !== 'network' && activity.kind !== 'file-create') {
      return;
    }
    const { guid } = activity.process;
    if (guid === undefined) return;

    // One guid key and one table lookup per row: the table's index, the image and the bin all
    // come from them.
    const id = guidKey(activity.computer, guid);
    const noted = this.#noted;
    if (!this.table.noteInto(activity.computer, activity.process, id, noted)) return;
    if (!this.#keep(activity, noted.image)) return;
    this.#addRow(this.#bins.indexFor(activity, guid, noted.index), activity);
  }

  /** The keys of the processes that kept a query, connection or file, in the order first seen. */
  *keys(): IterableIterator<ProcessKey> {
    const seen = new Set<ProcessKey>();
    for (let index = 0; index < this.#bins.size; index++) {
      const key = this.table.keyOfGuid(this.#bins.computerOf(index), this.#bins.guidOf(index));
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      yield key;
    }
  }

  /** What the process did, built from its rows; undefined when it kept nothing. */
  activitiesOf(key: ProcessKey): ProcessActivities | undefined {
    // The entry a key names is the one its guid names (see ProcessTable.indexOfGuid), and only
    // an entry with a guid has a bin.
    const entry = this.table.indexOfKey(key);
    const index = entry === undefined ? undefined : this.#bins.find(entry);
    if (index === undefined) return undefined;

    const sizes = {
      connections: this.#bins.kept(index, KIND_CONNECTION),
      files: this.#bins.kept(index, KIND_FILE),
    };
    return new RowActivities(this, index, sizes);
  }

  /**
   * The activities of one kind of the process at bin `index`, in the order added (for
   * RowActivities, which asks for each list when first read).
   */
  activitiesAt<T extends StoryActivity>(index: number, kind: StoryKind): T[] {
    if (this.#bins.kept(index, kind) === 0) return [];
    return this.#built<T>(this.#rowsOf(index), kind, this.#binAt(index));
  }

  /** How many of each kind the process at bin `index` dropped past the limits. */
  droppedAt(index: number): StoryDropped {
    return this.#bins.dropped(index);
  }

  #addRow(binIndex: number, activity: StoryActivity): void {
    const kind = kindOf(activity);
    if (!this.#bins.admit(binIndex, kind)) return;

    if (this.#rows === this.#rowBin.length) this.#grow();
    const row = this.#rows++;
    this.#rowBin[row] = binIndex;
    this.#rowKind[row] = kind;
    this.#rowParts[row] = this.#partsOf(activity);
    this.#rowPort[row] = activity.kind === 'network' ? (activity.sourcePort ?? NO_PORT) : NO_PORT;
    this.#evidence.add(activity);
  }

  #partsOf(activity: StoryActivity): number {
    switch (activity.kind) {
      case 'dns':
        return this.#dns.indexOf(dnsKey(activity), () => dnsParts(activity));
      case 'network':
        return this.#connections.indexOf(connectionKey(activity), () => connectionParts(activity));
      default:
        return this.#files.indexOf(activity.targetFilename, () => activity.targetFilename);
    }
  }

  #binAt(index: number): Bin {
    const { computer, guid, provider, image } = this.#bins.process(index);
    return { computer, provider, process: defined({ guid, image }) };
  }

  /** The activities of the rows of one kind, in the order added. */
  #built<T extends StoryActivity>(rows: Uint32Array, kind: StoryKind, bin: Bin): T[] {
    this.#times = this.#evidence.times();
    const built: T[] = [];
    for (const row of rows) {
      if (this.#rowKind[row] === kind) built.push(this.#activityAt(row, bin) as T);
    }
    return built;
  }

  /** One row as the activity it was made from (only what a story step and a chain read). */
  #activityAt(row: number, bin: Bin): StoryActivity {
    const { file, recordId, eventId, time: iso, recovered } = this.#evidence.at(row);
    const time = { iso, ms: this.#times[row] ?? 0 };
    const source = { recordId, eventId, provider: bin.provider, ...(recovered && { recovered }) };
    const common = {
      computer: bin.computer,
      time,
      process: bin.process,
      source: file === undefined ? source : { file, ...source },
    };
    const parts = this.#rowParts[row] ?? 0;
    switch (this.#rowKind[row]) {
      case KIND_DNS:
        return { ...common, kind: 'dns', ...(this.#dns.at(parts) as DnsParts) };
      case KIND_CONNECTION:
        return { ...common, kind: 'network', ...this.#connectionAt(row, parts) };
      default:
        return { ...common, kind: 'file-create', targetFilename: this.#files.at(parts) ?? '' };
    }
  }

  #connectionAt(row: number, parts: number): ConnectionParts & { sourcePort?: number } {
    const port = this.#rowPort[row] ?? NO_PORT;
    const ends = this.#connections.at(parts) as ConnectionParts;
    return port === NO_PORT ? ends : { ...ends, sourcePort: port };
  }

  /** The rows of one bin in the order added, grouping every row by bin once per change. */
  #rowsOf(index: number): Uint32Array {
    if (this.#grouped?.rows !== this.#rows) this.#grouped = this.#group();
    const { start, order } = this.#grouped;
    return order.subarray(start[index] ?? 0, start[index + 1] ?? 0);
  }

  /**
   * A counting sort of the rows by bin, stable, so each bin's rows stay in the order added.
   * Index loops: entries() made a pair per row, over a million on a 1 GB log, and V8 kept them
   * long enough to grow the heap by some 100 MB at report time.
   */
  #group(): { rows: number; start: Uint32Array; order: Uint32Array } {
    const counts = new Uint32Array(this.#bins.size);
    const bins = this.#rowBin.subarray(0, this.#rows);
    for (const bin of bins) counts[bin] = (counts[bin] ?? 0) + 1;

    const start = new Uint32Array(this.#bins.size + 1);
    let total = 0;
    for (let bin = 0; bin < counts.length; bin++) start[bin + 1] = total += counts[bin] ?? 0;

    const next = start.slice(0, -1);
    const order = new Uint32Array(this.#rows);
    for (let row = 0; row < bins.length; row++) {
      const bin = bins[row] ?? 0;
      const at = next[bin] ?? 0;
      order[at] = row;
      next[bin] = at + 1;
    }
    return { rows: this.#rows, start, order };
  }

  #grow(): void {
    // Doubling while small, then a quarter more each time: less room left unused at scale.
    const size = this.#rowBin.length;
    const capacity = size + (size < LARGE ? size : Math.ceil(size / 4));
    this.#rowBin = grown(this.#rowBin, new Uint32Array(capacity));
    this.#rowKind = grown(this.#rowKind, new Uint8Array(capacity));
    this.#rowParts = grown(this.#rowParts, new Uint32Array(capacity));
    this.#rowPort = grown(this.#rowPort, new Int32Array(capacity));
  }
}

/**
 * What one process did, as a chain reads it: the counts at once, each list built from the rows
 * when first read (a chain reads the files only of a process with connections, and the queries
 * only of one whose connection a file followed). One object a process, its lists on demand:
 * three closures a process made some 18 MB of garbage over the 30,953 processes of the generated
 * 1 GB log, and the full collection it brought on set the hunt's peak RSS.
 */
class RowActivities implements ProcessActivities {
  readonly sizes: { readonly connections: number; readonly files: number };
  readonly #source: StoryColumns;
  readonly #index: number;
  #dns: DnsQuery[] | undefined;
  #connections: NetworkConnect[] | undefined;
  #files: FileActivity[] | undefined;

  constructor(source: StoryColumns, index: number, sizes: RowActivities['sizes']) {
    this.#source = source;
    this.#index = index;
    this.sizes = sizes;
  }

  get dns(): DnsQuery[] {
    return (this.#dns ??= this.#source.activitiesAt<DnsQuery>(this.#index, KIND_DNS));
  }

  get connections(): NetworkConnect[] {
    return (this.#connections ??= this.#source.activitiesAt<NetworkConnect>(
      this.#index,
      KIND_CONNECTION,
    ));
  }

  get files(): FileActivity[] {
    return (this.#files ??= this.#source.activitiesAt<FileActivity>(this.#index, KIND_FILE));
  }

  get dropped(): StoryDropped {
    return this.#source.droppedAt(this.#index);
  }
}

function kindOf(activity: StoryActivity): StoryKind {
  if (activity.kind === 'dns') return KIND_DNS;
  return activity.kind === 'network' ? KIND_CONNECTION : KIND_FILE;
}

function dnsKey(query: DnsQuery): string {
  return tupleKey([query.queryName, query.queryStatus, ...query.resolvedAddresses]);
}

function dnsParts(query: DnsQuery): DnsParts {
  return {
    queryName: query.queryName,
    ...defined({ queryStatus: query.queryStatus }),
    resolvedAddresses: [...query.resolvedAddresses],
  };
}

function connectionKey(c: NetworkConnect): string {
  const { destinationPort, destinationHostname } = c;
  return tupleKey([
    c.protocol,
    c.initiated,
    c.sourceIp,
    c.destinationIp,
    destinationPort,
    destinationHostname,
  ]);
}

function connectionParts(c: NetworkConnect): ConnectionParts {
  return defined({
    protocol: c.protocol,
    initiated: c.initiated,
    sourceIp: c.sourceIp,
    destinationIp: c.destinationIp,
    destinationPort: c.destinationPort,
    destinationHostname: c.destinationHostname,
  });
}

function grown<T extends Uint32Array | Uint8Array | Int32Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
