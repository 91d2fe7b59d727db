/**
 * `hunt --rules DIR`: Sigma rules run beside the hunt's own detections. Each record is matched
 * before the engine takes it (the engine then asks the record for its own fields), and the
 * matches become `sigma` findings in the report, sorted in with the others.
 */
import {
  compareFindings,
  type EventRecord,
  type FieldSourceRecord,
  type HuntReport,
} from '@evtxhunt/hunt';
import { SigmaFindings, SigmaScan, correlationFindings, type SigmaRuleSet } from '@evtxhunt/sigma';

import type { ParsedArgs } from './args.js';
import type { Io } from './io.js';
import { loadRuleSet } from './sigma-rules.js';

/** The --rules option's help. */
export const RULES_HELP = `Sigma rules (every .yml under DIR) run beside the detections;
their matches are findings of kind sigma, one per rule and computer, and
one per window in which a correlation rule held`;

/** Sigma rules and the findings of their matches so far; correlations are judged at the end. */
export class SigmaHunt {
  readonly #scan: SigmaScan;
  readonly #findings = new SigmaFindings();

  constructor(rules: SigmaRuleSet) {
    this.#scan = new SigmaScan(rules);
  }

  add(record: EventRecord | FieldSourceRecord): void {
    this.#findings.add(this.#scan.add(record));
  }

  /**
   * The report with the Sigma findings added; ends the correlations, so call it once.
   * TODO: --allow does not apply to sigma findings yet (the engine applies it inside report()).
   * TODO: unlike `sigma`, hunt does not say on stderr how many matches came too far out of
   * time order for the correlations, or how many correlation groups were not followed.
   */
  report(report: HuntReport): HuntReport {
    const correlated = correlationFindings(this.#scan.finish());
    const sigma = [...this.#findings.findings(), ...correlated];
    const findings = [...report.findings, ...sigma].sort(compareFindings);
    return { ...report, findings };
  }
}

/** The Sigma hunt of --rules, or undefined without it. */
export async function sigmaHuntOption(args: ParsedArgs, io: Io): Promise<SigmaHunt | undefined> {
  const path = args.values.get('rules');
  return path === undefined ? undefined : new SigmaHunt(await loadRuleSet(path, io, args));
}
