/**
 * `hunt --rules DIR`: Sigma rules run beside the hunt's own detections. Each record is matched
 * before the engine takes it (the engine then asks the record for its own fields), and the
 * matches become `sigma` findings in the report, sorted in with the others, under the same
 * --allow as the engine's. The report's time span covers every record read, since a rule may
 * match events the engine does not read (a logon, a PowerShell block).
 */
import {
  applyAllowlist,
  compareFindings,
  type Allowlist,
  type EventRecord,
  type FieldSourceRecord,
  type HuntReport,
  type SuppressedCount,
} from '@evtxhunt/hunt';
import {
  SigmaFindings,
  SigmaScan,
  correlationFindings,
  ticksOf,
  type SigmaRuleSet,
} from '@evtxhunt/sigma';

import type { ParsedArgs } from './args.js';
import type { Io } from './io.js';
import { correlationNotes, loadRuleSet } from './sigma-rules.js';

/** The --rules option's help. */
export const RULES_HELP = `Sigma rules (every .yml under DIR) run beside the detections;
their matches are findings of kind sigma, one per rule and computer, and
one per window in which a correlation rule held; --allow applies to them`;

/** A time read, as text and as ticks for comparing. */
interface Moment {
  readonly text: string;
  readonly ticks: bigint;
}

/** Sigma rules and the findings of their matches so far; correlations are judged at the end. */
export class SigmaHunt {
  readonly #scan: SigmaScan;
  readonly #findings = new SigmaFindings();
  readonly #allowlist: Allowlist | undefined;
  #first: Moment | undefined;
  #last: Moment | undefined;

  constructor(rules: SigmaRuleSet, allowlist?: Allowlist) {
    this.#scan = new SigmaScan(rules);
    this.#allowlist = allowlist;
  }

  add(record: EventRecord | FieldSourceRecord): void {
    this.#widen(record.timeCreated);
    this.#findings.add(this.#scan.add(record));
  }

  /**
   * The report with the Sigma findings added (those --allow suppresses counted with the
   * engine's), its time span widened to every record read; ends the correlations and says on
   * stderr what they could not follow, so call it once.
   */
  async report(report: HuntReport, io: Io): Promise<HuntReport> {
    const correlated = correlationFindings(this.#scan.finish());
    const notes = correlationNotes(this.#scan);
    if (notes.length > 0) await io.err.write(notes.map((line) => `${line}\n`).join(''));

    const sigma = [...this.#findings.findings(), ...correlated];
    const { kept, suppressed } = applyAllowlist(sigma, this.#allowlist);
    return {
      ...report,
      input: this.#widenedInput(report.input),
      findings: [...report.findings, ...kept].sort(compareFindings),
      suppressed: mergeSuppressed(report.suppressed, suppressed),
    };
  }

  #widen(time: string | undefined): void {
    const read = moment(time);
    if (read === undefined) return;
    this.#first = chosen(this.#first, read, (a, b) => a < b);
    this.#last = chosen(this.#last, read, (a, b) => a > b);
  }

  #widenedInput(input: HuntReport['input']): HuntReport['input'] {
    const first = chosen(moment(input.firstTime), this.#first, (a, b) => a < b);
    const last = chosen(moment(input.lastTime), this.#last, (a, b) => a > b);
    return {
      ...input,
      ...(first === undefined ? {} : { firstTime: first.text }),
      ...(last === undefined ? {} : { lastTime: last.text }),
    };
  }
}

/** The Sigma hunt of --rules, or undefined without it. */
export async function sigmaHuntOption(
  args: ParsedArgs,
  io: Io,
  allowlist: Allowlist | undefined,
): Promise<SigmaHunt | undefined> {
  const path = args.values.get('rules');
  if (path === undefined) return undefined;
  return new SigmaHunt(await loadRuleSet(path, io, args), allowlist);
}

function moment(text: string | undefined): Moment | undefined {
  const ticks = ticksOf(text);
  return ticks === undefined || text === undefined ? undefined : { text, ticks };
}

/** `held`, or `other` when there is no `held` or `other` is `better` than it. */
function chosen(
  held: Moment | undefined,
  other: Moment | undefined,
  better: (a: bigint, b: bigint) => boolean,
): Moment | undefined {
  if (held === undefined) return other;
  return other !== undefined && better(other.ticks, held.ticks) ? other : held;
}

/** The counts of two allowlist passes as one: per rule line, counts summed and kinds joined. */
export function mergeSuppressed(
  a: readonly SuppressedCount[],
  b: readonly SuppressedCount[],
): SuppressedCount[] {
  const byLine = new Map<number, SuppressedCount>();
  for (const entry of [...a, ...b]) {
    const held = byLine.get(entry.line);
    if (held === undefined) {
      byLine.set(entry.line, entry);
      continue;
    }
    const kinds = [...new Set([...held.kinds, ...entry.kinds])].sort();
    byLine.set(entry.line, { ...held, count: held.count + entry.count, kinds });
  }
  return [...byLine.values()].sort((x, y) => x.line - y.line);
}
