/**
 * The little the network detections need to know about processes: each process's parent image
 * (is it a service started by services.exe?) and the processes that remote-execution hosts
 * (wmiprvse.exe, wsmprovhost.exe, ...) spawned, to show what followed an inbound connection.
 *
 * Facts are filed by the process table's index for the process (ProcessTable.indexOfGuid), so a
 * process costs one reference in an array here (8 bytes) and no text of its own; keyed by the
 * table's key text, a map entry cost about 46 bytes a start. The table is the one the engine's
 * stories fill, and it must have taken a start before add() is given it. A process is found the
 * way the table finds it: host without case, guid without braces or case, and an all-zero guid
 * names no process (so such a start leaves no parent image and no rename).
 */
import type { ProcessStart } from '../events/activity.js';
import { TextPool } from '../events/text-pool.js';
import type { Evidence } from '../findings/finding.js';
import { evidenceOf } from '../story/evidence.js';
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
  /** By table index; absent past the end. */
  readonly #parentImage: (string | undefined)[] = [];
  readonly #renamedFrom = new Map<number, string>();
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

    if (key !== undefined) this.#setParentImage(key, this.#pool.share(parentImage));

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

  /** Files the parent image, growing the array densely so that it stays a plain list. */
  #setParentImage(index: number, image: string): void {
    const images = this.#parentImage;
    while (images.length < index) images.push(undefined);
    images[index] = image;
  }

  #noteRename(start: ProcessStart, key: number | undefined): void {
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
    return key === undefined ? undefined : this.#parentImage[key];
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
   * The table's index for the process with this guid: the index found when a start is added is
   * the one found when a detection asks (see ProcessTable.indexOfGuid).
   */
  #keyOf(computer: string, guid: string | undefined): number | undefined {
    return guid === undefined ? undefined : this.#table.indexOfGuid(computer, guid);
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
