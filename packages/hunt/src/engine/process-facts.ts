/**
 * The little the network detections need to know about processes: each process's parent image
 * (is it a service started by services.exe?) and the processes that remote-execution hosts
 * (wmiprvse.exe, wsmprovhost.exe, ...) spawned, to show what followed an inbound connection.
 *
 * Facts are keyed by the process table's own key for the process, the very text the table keeps,
 * so a process costs a map entry here (about 37 bytes of JS heap a start) and no text of its own.
 * They were keyed by a lower-case copy of the guid: 56 more bytes a start for the upper-case
 * guids Sysmon writes, none for the generator's lower-case ones. The table is the one the
 * engine's stories fill, and it must have taken a start before add() is given it. A process is
 * found the way the table finds it: host without case, guid without braces or case, and an
 * all-zero guid names no process (so such a start leaves no parent image and no rename).
 */
import type { ProcessStart } from '../events/activity.js';
import { TextPool } from '../events/text-pool.js';
import type { Evidence } from '../findings/finding.js';
import { evidenceOf } from '../story/evidence.js';
import type { ProcessKey } from '../story/process-node.js';
import type { ProcessTable } from '../story/process-table.js';
import type { Knowledge, KnownRemoteExecutionHost } from './knowledge.js';

/** Remote-execution spawns kept; past this the oldest are kept and later ones dropped. */
export const SPAWN_LIMIT = 10_000;

/** A process started by a remote-execution host. */
export interface RemoteSpawn {
  readonly computer: string;
  readonly timeMs: number;
  readonly image: string;
  readonly host: string;
  /** The service ports whose connections the host serves. */
  readonly ports: readonly number[];
  readonly commandLine: string | undefined;
  readonly evidence: Evidence;
}

/** Parent images by process, and remote-execution spawns by time. */
export class ProcessFacts {
  readonly #knowledge: Knowledge;
  readonly #table: ProcessTable;
  readonly #parentImage = new Map<ProcessKey, string>();
  readonly #renamedFrom = new Map<ProcessKey, string>();
  readonly #spawns: RemoteSpawn[] = [];
  readonly #pool: TextPool;

  /**
   * `table` names the processes (see the module comment); `pool` shares the parent images kept,
   * one copy each.
   */
  constructor(knowledge: Knowledge, table: ProcessTable, pool: TextPool = new TextPool()) {
    this.#knowledge = knowledge;
    this.#table = table;
    this.#pool = pool;
  }

  /** Learns from one process start, which the table has already taken. */
  add(start: ProcessStart): void {
    const key = this.#keyOf(start.computer, start.process.guid);
    this.#noteRename(start, key);
    const parentImage = start.parent.image;
    if (parentImage === undefined) return;

    if (key !== undefined) this.#parentImage.set(key, this.#pool.share(parentImage));

    const image = start.process.image ?? '';
    const host = this.#knowledge.remoteExecutionHost(parentImage, image);
    if (host !== undefined && this.#spawns.length < SPAWN_LIMIT) {
      this.#spawns.push(spawnOf(start, host));
    }
  }

  /**
   * The PE original file name of a process whose image is named otherwise, when that original
   * name is a LOLBin's (`OriginalFileName` PowerShell.EXE for `C:\\Users\\a\\svc.exe`).
   */
  renamedLolbinOf(computer: string, guid: string): string | undefined {
    const key = this.#keyOf(computer, guid);
    return key === undefined ? undefined : this.#renamedFrom.get(key);
  }

  #noteRename(start: ProcessStart, key: ProcessKey | undefined): void {
    const { originalFileName } = start;
    const { image } = start.process;
    if (originalFileName === undefined || key === undefined || image === undefined) return;

    const named = image.slice(image.lastIndexOf('\\') + 1).toLowerCase();
    if (named === originalFileName.toLowerCase()) return;
    if (this.#knowledge.lolbin(originalFileName) === undefined) return;
    this.#renamedFrom.set(key, originalFileName);
  }

  /** The parent image of a process by GUID, when its start was logged. */
  parentImageOf(computer: string, guid: string): string | undefined {
    const key = this.#keyOf(computer, guid);
    return key === undefined ? undefined : this.#parentImage.get(key);
  }

  /**
   * Remote-execution spawns on `computer` within `windowMs` after `timeMs` by hosts that serve
   * `port`, in time order.
   */
  spawnsAfter(
    computer: string,
    port: number,
    timeMs: number,
    windowMs: number,
  ): readonly RemoteSpawn[] {
    return this.#spawns
      .filter((spawn) => spawn.computer === computer && spawn.ports.includes(port))
      .filter((spawn) => spawn.timeMs >= timeMs && spawn.timeMs <= timeMs + windowMs)
      .sort((a, b) => a.timeMs - b.timeMs);
  }

  /**
   * The table's key for the process with this guid. An entry that holds a guid is never merged
   * into another (only a start without a guid is a twin that gets absorbed), so the key found
   * when a start is added is the one found when a detection asks.
   */
  #keyOf(computer: string, guid: string | undefined): ProcessKey | undefined {
    return guid === undefined ? undefined : this.#table.keyOfGuid(computer, guid);
  }
}

function spawnOf(start: ProcessStart, host: KnownRemoteExecutionHost): RemoteSpawn {
  return {
    computer: start.computer,
    timeMs: start.time.ms,
    image: start.process.image ?? '(unknown image)',
    host: host.label,
    ports: host.ports,
    commandLine: start.commandLine,
    evidence: evidenceOf(start),
  };
}
