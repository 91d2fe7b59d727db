/**
 * The hunt: records stream in through add(); report() runs every detection over what was kept
 * and returns findings, what the allowlist suppressed, and the network pivot. The engine keeps
 * compact per-series state (times and evidence rows), DNS answers and process facts, never the
 * records themselves. Repeated text (computers, images, users, file names) is shared through
 * one pool, and addresses are parsed once per distinct text. An Activity is built only for the
 * events a detection reads (Sysmon 1, 3, 11, 22 and Security 4688); the rest are only timed.
 *
 * Measured on the generated 1 GB Sysmon log of 2026-12-05 (1,044,695 records, heap after a
 * forced GC): about 81 bytes a record, 28 of JS heap and 54 of typed arrays (94: 44 + 50 before
 * process keys became numbers, story/process-keys.ts). By structure (MB): typed arrays 56.1, of
 * which evidence columns of series and stories 26.8 (engine/connections.ts,
 * story/story-columns.ts: a connection's evidence is in both), duplicate ids 11.9
 * (engine/duplicates.ts), story rows and bins 8.3, process keys, pid and start columns 7.4
 * (story/process-keys.ts, process-columns.ts); JS heap 29.1, of which repeated text and parts
 * shared by index (DNS answers, connection ends, file names) 5.0, the process table's text
 * references 4.6 and pid starts 2.9 (story/pid-index.ts), story bins 2.4, series guid and host
 * sets 1.9, parent images 0.9 (engine/process-facts.ts), the rest code and modules. V8 keeps
 * about twice to four times the live JS heap committed while it grows, and the report makes
 * some 150 MB of short-lived objects over such a log (series 63, chains 85), so a byte of heap
 * costs more RSS than a byte of typed array: the TODOs in those files say what still grows with
 * the log. Since then (third session of 2026-12-05, worked out from the column sizes, not
 * measured again): evidence columns keep a file index in one byte (22 -> 19 bytes an event,
 * about 3 MB less); duplicate ids are runs of at most 65,536 (engine/id-runs.ts) that keep one
 * owner until another host's id joins them (11.9 -> about 8.5 MB), leave no quarter unused and
 * never copy a 10 MB array that stays dead until the next full collection. The CLI keeps V8's
 * young generation at 1-2 MB for the hunt (cli/src/heap-settings.ts; 16 MB semi-spaces held
 * some 45 MB of RSS): the hunt's peak RSS over that log went from about 245 to 196 MB, for some
 * 8% more user CPU (a busy machine, runs interleaved).
 *
 * A record that reads its fields by name (FieldSourceRecord: the parser's records, through the
 * CLI) is asked only for the fields the engine reads of its kind of event (events/fields-read.ts),
 * so the rest of the event is never decoded and no whole structured record is built.
 * TODO: a routed event still becomes a small record of the fields read, then an Activity, then
 * columns; reading the fields straight into the series and story columns would skip both
 * objects.
 */
import { suppressingRule, type Allowlist } from '../allowlist/allowlist.js';
import type { Activity } from '../events/activity.js';
import { toActivity } from '../events/normalise.js';
import { isSysmonRecord, sysmonActivityTime } from '../events/sysmon.js';
import type { EventTime } from '../events/time.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import type { HuntReport, SuppressedCount } from '../findings/report.js';
import { classifyIp } from '../net/ip-class.js';
import { TextPool } from '../events/text-pool.js';
import { IpMemo } from '../net/ip-memo.js';
import { isFieldSource, type EventRecord, type FieldSourceRecord } from '../record.js';
import { fieldsRead } from '../events/fields-read.js';
import {
  chainActivity,
  chainFileCanReport,
  chainFindings,
  type ChainOptions,
} from '../story/chain.js';
import { ProcessTable } from '../story/process-table.js';
import type { StoryActivity } from '../story/compact.js';
import { StoryColumns } from '../story/story-columns.js';
import type { SysmonConfig } from '../sysmon-config/model.js';
import { InferredCoverage, configCoverage } from './coverage.js';
import { beaconFinding, type ObservedSpan } from './beacon-detection.js';
import { ConnectionSeriesTable } from './connections.js';
import { DnsResolutions } from './dns.js';
import { DuplicateRecords } from './duplicates.js';
import type { Knowledge } from './knowledge.js';
import { crossReferenceChains, mergeSeriesFindings, mergeSweeps } from './merge.js';
import {
  inboundAdminPort,
  lolbinInbound,
  isOffHostClass,
  lateralMovement,
  lolbinOutbound,
  serviceOutbound,
  userWritableOutbound,
  type DetectionContext,
} from './network-detections.js';
import { networkPivot } from './network-pivot.js';
import { ProcessFacts } from './process-facts.js';
import { ServerInference } from './servers.js';

/** How a hunt is set up. */
export interface HuntOptions {
  /** What is known about binaries, places and ports; defaults to the built-in tables. */
  readonly knowledge: Knowledge;
  /** Known-good activity to suppress (counted in the report). */
  readonly allowlist?: Allowlist;
  /** The Sysmon configuration the logs were written under, for the coverage section. */
  readonly config?: SysmonConfig;
}

/**
 * The Sysmon event IDs whose activities a detection reads: process starts, connections, files
 * created and DNS queries. Any other event only counts (records, activities, hosts, time span),
 * so no activity is built for it.
 */
const ROUTED_SYSMON_EVENTS: ReadonlySet<number> = new Set([1, 3, 11, 22]);

const SERIES_DETECTIONS = [
  lolbinOutbound,
  lolbinInbound,
  userWritableOutbound,
  serviceOutbound,
  inboundAdminPort,
  lateralMovement,
] as const;

/** One hunt over any number of records from any number of files and hosts. */
export class HuntEngine {
  readonly #options: HuntOptions;
  /** Addresses parsed once per distinct text, and text shared, across every part of the hunt. */
  readonly #ips = new IpMemo();
  readonly #pool = new TextPool();
  readonly #series = new ConnectionSeriesTable(this.#ips);
  readonly #dns = new DnsResolutions(this.#ips, this.#pool);
  readonly #processes: ProcessFacts;
  readonly #chainOptions: ChainOptions;
  readonly #stories: StoryColumns;
  readonly #inferred = new InferredCoverage();
  readonly #duplicates = new DuplicateRecords();
  readonly #computers = new Set<string>();
  #records = 0;
  #recovered = 0;
  #activities = 0;
  #connections = 0;
  #first: EventTime | undefined;
  #last: EventTime | undefined;

  constructor(options: HuntOptions) {
    this.#options = options;
    this.#chainOptions = chainOptions(options.knowledge, this.#ips);
    // Stories keep only what a chain can use (the engine reads them for chains alone): of the
    // files, only those a chain can report, which most files written are not.
    const keep = (activity: StoryActivity, image: string | undefined) =>
      chainActivity(activity, this.#chainOptions) &&
      (activity.kind !== 'file-create' || chainFileCanReport(activity, image, this.#chainOptions));
    // Chains read a process's start, never its parents or its end: the table keeps neither.
    const table = new ProcessTable({ pool: this.#pool, parents: false });
    this.#stories = new StoryColumns(table, keep, this.#pool);
    // Facts are filed under the table's keys: the stories add each start to it first (#route).
    this.#processes = new ProcessFacts(options.knowledge, table, this.#pool);
  }

  /**
   * Takes one record; records the engine has no use for are counted and dropped. A record that
   * reads its fields by name is asked for those the engine reads of its kind of event.
   */
  add(input: EventRecord | FieldSourceRecord): void {
    this.#records++;
    if (input.recovered === true) this.#recovered++;
    if (this.#duplicates.isDuplicate(input)) return;

    const record = isFieldSource(input) ? input.withFields(fieldsRead(input)) : input;
    this.#inferred.add(record);
    const time = this.#take(record);
    if (time === undefined) return;

    this.#activities++;
    this.#computers.add(record.computer);
    this.#widenSpan(time);
  }

  /** Runs the detections over everything added so far. */
  report(): HuntReport {
    const context = this.#context();
    const span = this.#span();
    const perSeries: Finding[] = [];
    for (const series of this.#series.all()) {
      const found = SERIES_DETECTIONS.map((detect) => detect(series, context));
      found.push(beaconFinding(series, context, span));
      push(perSeries, mergeSeriesFindings(found.filter(isFinding)));
    }
    const serviceName = (port: number) => this.#options.knowledge.adminService(port)?.name;
    const chains = chainFindings(this.#stories, this.#stories.table, this.#chainOptions);
    const findings = crossReferenceChains(mergeSweeps(perSeries, serviceName), chains);

    const { kept, suppressed } = applyAllowlist(findings, this.#options.allowlist);
    const config = this.#options.config;
    return {
      input: this.#input(),
      findings: kept.sort(compareFindings),
      suppressed,
      pivot: networkPivot(this.#series.all(), this.#dns),
      coverage: config === undefined ? this.#inferred.section() : configCoverage(config),
    };
  }

  /**
   * Routes the activity the record describes to the detections, or only reads its time when no
   * detection reads it; the activity's time, or undefined when the record describes none.
   */
  #take(record: EventRecord): EventTime | undefined {
    if (isSysmonRecord(record) && !ROUTED_SYSMON_EVENTS.has(record.eventId)) {
      return sysmonActivityTime(record);
    }
    const activity = toActivity(record);
    if (activity !== undefined) this.#route(activity);
    return activity?.time;
  }

  #route(activity: Activity): void {
    this.#stories.add(activity);
    switch (activity.kind) {
      case 'network':
        this.#connections++;
        this.#series.add(activity);
        return;
      case 'dns':
        this.#dns.add(activity);
        return;
      case 'process-start':
        this.#processes.add(activity);
        return;
      default:
        return;
    }
  }

  #widenSpan(time: EventTime): void {
    if (this.#first === undefined || time.ms < this.#first.ms) this.#first = time;
    if (this.#last === undefined || time.ms > this.#last.ms) this.#last = time;
  }

  #span(): ObservedSpan | undefined {
    if (this.#first === undefined || this.#last === undefined) return undefined;
    return { startMs: this.#first.ms, endMs: this.#last.ms };
  }

  #context(): DetectionContext {
    return {
      knowledge: this.#options.knowledge,
      dns: this.#dns,
      processes: this.#processes,
      servers: new ServerInference(this.#series.all()),
    };
  }

  #input(): HuntReport['input'] {
    const input = {
      records: this.#records,
      recovered: this.#recovered,
      duplicates: this.#duplicates.count,
      activities: this.#activities,
      networkConnections: this.#connections,
      computers: [...this.#computers].sort(),
    };
    if (this.#first === undefined || this.#last === undefined) return input;
    return { ...input, firstTime: this.#first.iso, lastTime: this.#last.iso };
  }
}

function chainOptions(knowledge: Knowledge, ips: IpMemo): ChainOptions {
  return {
    // A download from an internal staging host is a chain too, so any address off the host
    // counts, not only public ones.
    isPublicAddress(text) {
      const ip = ips.parse(text);
      return ip !== undefined && isOffHostClass(classifyIp(ip));
    },
    // Asked for every file a process with a known image writes: images repeat, so remembered.
    isSuspiciousImage: remembered((image) => {
      const place = knowledge.writablePlace(image);
      const writable = place !== undefined && place.knownGood === undefined;
      return writable || knowledge.lolbin(image) !== undefined;
    }),
    ipKey: (text) => ips.parse(text)?.text ?? text.trim().toLowerCase(),
  };
}

/** Distinct images whose answer remembered() keeps; past this, answers are worked out again. */
const REMEMBERED_IMAGES = 4096;

/** `test` with its answers remembered for up to REMEMBERED_IMAGES texts. */
function remembered(test: (text: string) => boolean): (text: string) => boolean {
  const answers = new Map<string, boolean>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = test(text);
      if (answers.size < REMEMBERED_IMAGES) answers.set(text, answer);
    }
    return answer;
  };
}

function isFinding(finding: Finding | undefined): finding is Finding {
  return finding !== undefined;
}

function push(findings: Finding[], finding: Finding | undefined): void {
  if (finding !== undefined) findings.push(finding);
}

/** Splits findings into those kept and per-rule counts of those an allowlist rule suppressed. */
export function applyAllowlist(
  findings: readonly Finding[],
  allowlist: Allowlist | undefined,
): { kept: Finding[]; suppressed: SuppressedCount[] } {
  if (allowlist === undefined) return { kept: [...findings], suppressed: [] };

  const kept: Finding[] = [];
  const byRule = new Map<
    number,
    { rule: string; line: number; count: number; kinds: Set<Finding['kind']> }
  >();
  for (const finding of findings) {
    const rule = suppressingRule(allowlist, finding);
    if (rule === undefined) {
      kept.push(finding);
      continue;
    }
    const entry = byRule.get(rule.line) ?? {
      rule: rule.text,
      line: rule.line,
      count: 0,
      kinds: new Set(),
    };
    entry.count++;
    entry.kinds.add(finding.kind);
    byRule.set(rule.line, entry);
  }

  const suppressed = [...byRule.values()].map((entry) => ({
    ...entry,
    kinds: [...entry.kinds].sort(),
  }));
  return { kept, suppressed: suppressed.sort((a, b) => a.line - b.line) };
}
