/**
 * The little the network detections need to know about processes: each process's parent image
 * (is it a service started by services.exe?) and the processes that remote-execution hosts
 * (wmiprvse.exe, wsmprovhost.exe, ...) spawned, to show what followed an inbound connection.
 *
 * TODO: the parent image map keeps a lower-case copy of every started process's guid and a map
 * entry for it (about 8 bytes a record of JS heap on a generated Sysmon log). Keying it by the
 * process table's own key for the process would share that text instead of copying it.
 */
import type { ProcessStart } from '../events/activity.js';
import { TextPool } from '../events/text-pool.js';
import type { Evidence } from '../findings/finding.js';
import { evidenceOf } from '../story/evidence.js';
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
  readonly #parentImage = new HostGuidMap();
  readonly #renamedFrom = new HostGuidMap();
  readonly #spawns: RemoteSpawn[] = [];
  readonly #pool: TextPool;

  /** `pool` shares the parent images kept, one copy each. */
  constructor(knowledge: Knowledge, pool: TextPool = new TextPool()) {
    this.#knowledge = knowledge;
    this.#pool = pool;
  }

  /** Learns from one process start. */
  add(start: ProcessStart): void {
    this.#noteRename(start);
    const parentImage = start.parent.image;
    if (parentImage === undefined) return;

    if (start.process.guid !== undefined) {
      const image = this.#pool.share(parentImage);
      this.#parentImage.set(start.computer, start.process.guid, image);
    }
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
    return this.#renamedFrom.get(computer, guid);
  }

  #noteRename(start: ProcessStart): void {
    const { originalFileName } = start;
    const { guid, image } = start.process;
    if (originalFileName === undefined || guid === undefined || image === undefined) return;

    const named = image.slice(image.lastIndexOf('\\') + 1).toLowerCase();
    if (named === originalFileName.toLowerCase()) return;
    if (this.#knowledge.lolbin(originalFileName) === undefined) return;
    this.#renamedFrom.set(start.computer, guid, originalFileName);
  }

  /** The parent image of a process by GUID, when its start was logged. */
  parentImageOf(computer: string, guid: string): string | undefined {
    return this.#parentImage.get(computer, guid);
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
}

/**
 * Text by computer (as logged) and ProcessGuid (without case): a map per computer, so a process
 * costs one map entry keyed by its lower-case guid rather than a joined key of its own.
 */
class HostGuidMap {
  readonly #byComputer = new Map<string, Map<string, string>>();

  get(computer: string, guid: string): string | undefined {
    return this.#byComputer.get(computer)?.get(guid.toLowerCase());
  }

  set(computer: string, guid: string, value: string): void {
    let guids = this.#byComputer.get(computer);
    if (guids === undefined) {
      guids = new Map();
      this.#byComputer.set(computer, guids);
    }
    guids.set(guid.toLowerCase(), value);
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
