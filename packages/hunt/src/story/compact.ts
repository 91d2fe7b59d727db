/**
 * Smaller copies of the activities a story keeps. An activity fresh from a record holds every
 * field the event had, each its own string; the copy holds only what a story step and a chain
 * read (times, evidence, addresses, the name asked for, the file written), and text that repeats
 * from event to event (host, provider, file, addresses, names) is shared through a bounded pool.
 */
import type { DnsQuery, FileActivity, NetworkConnect, SourceRef } from '../events/activity.js';
import { defined } from '../events/fields.js';

/** The activities a story keeps. */
export type StoryActivity = DnsQuery | NetworkConnect | FileActivity;

/** Distinct texts the pool shares; past this, new texts are kept as they are. */
export const TEXT_POOL_LIMIT = 65_536;

/** Makes compact copies of story activities, sharing repeated text. */
export class StoryCompactor {
  readonly #pool = new Map<string, string>();

  /** A copy of `activity` with only what stories and chains read. */
  compact<T extends StoryActivity>(activity: T): T {
    const common = {
      computer: this.#shared(activity.computer),
      time: activity.time,
      process: this.#process(activity),
      source: this.#source(activity.source),
    };
    return { ...common, ...this.#specific(activity) } as T;
  }

  #specific(activity: StoryActivity): Partial<StoryActivity> {
    switch (activity.kind) {
      case 'network':
        return { kind: activity.kind, ...this.#connection(activity) };
      case 'dns':
        return {
          kind: activity.kind,
          queryName: this.#shared(activity.queryName),
          ...defined({ queryStatus: this.#maybe(activity.queryStatus) }),
          resolvedAddresses: activity.resolvedAddresses.map((address) => this.#shared(address)),
        };
      default:
        return { kind: activity.kind, targetFilename: activity.targetFilename };
    }
  }

  #connection(connection: NetworkConnect): Partial<NetworkConnect> {
    return defined({
      protocol: this.#maybe(connection.protocol),
      initiated: connection.initiated,
      sourceIp: this.#maybe(connection.sourceIp),
      sourcePort: connection.sourcePort,
      destinationIp: this.#maybe(connection.destinationIp),
      destinationPort: connection.destinationPort,
      destinationHostname: this.#maybe(connection.destinationHostname),
    });
  }

  #process(activity: StoryActivity): StoryActivity['process'] {
    const { guid, image } = activity.process;
    return defined({ guid: this.#maybe(guid), image: this.#maybe(image) });
  }

  #source(source: SourceRef): SourceRef {
    const shared = {
      recordId: source.recordId,
      eventId: source.eventId,
      provider: this.#shared(source.provider),
    };
    return source.file === undefined ? shared : { file: this.#shared(source.file), ...shared };
  }

  #maybe(text: string | undefined): string | undefined {
    return text === undefined ? undefined : this.#shared(text);
  }

  #shared(text: string): string {
    const known = this.#pool.get(text);
    if (known !== undefined) return known;

    if (this.#pool.size < TEXT_POOL_LIMIT) this.#pool.set(text, text);
    return text;
  }
}
