/**
 * The engine's one vocabulary for what happened on a host. Sysmon events and Security 4688
 * become activities of a few kinds; detections, stories and timelines read only these. Text
 * values stay exactly as the log wrote them (they are evidence); parsed forms sit beside them.
 */
import type { EventTime } from './time.js';

/** Where an activity came from: enough to find the record again. */
export interface SourceRef {
  readonly file?: string;
  readonly recordId: string;
  readonly eventId: number;
  readonly provider: string;
  /** Present (true) when the record was a recovered one (see EventRecord.recovered). */
  readonly recovered?: true;
}

/** A process as an event names it. Any part may be missing from a given event. */
export interface ProcessRef {
  /** Sysmon's ProcessGuid, braces and case as logged. */
  readonly guid?: string;
  /** Decimal process id (Security's hex ids are converted). */
  readonly pid?: number;
  readonly image?: string;
  readonly user?: string;
}

/** What every activity has. */
interface ActivityBase {
  readonly computer: string;
  /** When it happened: Sysmon's UtcTime when present, else System/TimeCreated. */
  readonly time: EventTime;
  readonly process: ProcessRef;
  readonly source: SourceRef;
  /** Sysmon's RuleName: the config rule that caused the event to be logged, when named. */
  readonly ruleName?: string;
}

/** A process started: Sysmon 1 or Security 4688. */
export interface ProcessStart extends ActivityBase {
  readonly kind: 'process-start';
  readonly origin: 'sysmon' | 'security';
  readonly commandLine?: string;
  readonly currentDirectory?: string;
  readonly parent: ProcessRef;
  readonly parentCommandLine?: string;
  readonly integrityLevel?: string;
  readonly hashes?: string;
  readonly logonId?: string;
  readonly originalFileName?: string;
}

/** A process ended: Sysmon 5. */
export interface ProcessEnd extends ActivityBase {
  readonly kind: 'process-end';
}

/** A network connection: Sysmon 3. */
export interface NetworkConnect extends ActivityBase {
  readonly kind: 'network';
  readonly protocol?: string;
  /** True when this host opened the connection; undefined when the field is absent. */
  readonly initiated?: boolean;
  readonly sourceIp?: string;
  readonly sourcePort?: number;
  readonly sourceHostname?: string;
  readonly destinationIp?: string;
  readonly destinationPort?: number;
  readonly destinationHostname?: string;
  readonly destinationPortName?: string;
}

/** A DNS query: Sysmon 22. */
export interface DnsQuery extends ActivityBase {
  readonly kind: 'dns';
  readonly queryName: string;
  readonly queryStatus?: string;
  /** QueryResults as logged (`type:  5 a.example;::ffff:1.2.3.4;`). */
  readonly queryResults?: string;
  /** The addresses in QueryResults, as written there (CNAME entries dropped). */
  readonly resolvedAddresses: readonly string[];
}

/** A file created or overwritten (11), a stream written (15), or a file deleted (23, 26). */
export interface FileActivity extends ActivityBase {
  readonly kind: 'file-create' | 'file-stream' | 'file-delete';
  readonly targetFilename: string;
  readonly hashes?: string;
}

/** A module loaded into a process: Sysmon 7. */
export interface ImageLoad extends ActivityBase {
  readonly kind: 'image-load';
  readonly imageLoaded: string;
  readonly signed?: string;
  readonly signatureStatus?: string;
}

/**
 * One process acting on another: CreateRemoteThread (8) or ProcessAccess (10). `process` is
 * the source; `target` the process acted on.
 */
export interface ProcessToProcess extends ActivityBase {
  readonly kind: 'remote-thread' | 'process-access';
  readonly target: ProcessRef;
  readonly grantedAccess?: string;
  readonly startModule?: string;
}

/** A registry change: Sysmon 12 (create/delete), 13 (value set), 14 (rename). */
export interface RegistryActivity extends ActivityBase {
  readonly kind: 'registry';
  readonly eventType?: string;
  readonly targetObject: string;
  readonly details?: string;
  readonly newName?: string;
}

/** A named pipe created (17) or connected (18). */
export interface PipeActivity extends ActivityBase {
  readonly kind: 'pipe';
  readonly pipeName: string;
}

/** Process image tampering: Sysmon 25. */
export interface ProcessTampering extends ActivityBase {
  readonly kind: 'process-tampering';
  readonly tamperType?: string;
}

/** Every kind of activity. */
export type Activity =
  | ProcessStart
  | ProcessEnd
  | NetworkConnect
  | DnsQuery
  | FileActivity
  | ImageLoad
  | ProcessToProcess
  | RegistryActivity
  | PipeActivity
  | ProcessTampering;

/** The kind names, for filters and labels. */
export type ActivityKind = Activity['kind'];
