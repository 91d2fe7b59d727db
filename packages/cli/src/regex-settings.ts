/**
 * Regular expressions from rules and queries run on attacker-controlled text, and JavaScript's
 * engine backtracks: `(a+)+$` on forty `a`s and a `!` would run for hours. V8 can move a match
 * that backtracks too long to its linear-time engine, which gives the same answer; the flag is
 * set before any pattern is compiled. It covers every pattern without a backreference or a
 * lookaround, the ones that engine can run (Sigma refuses risky shapes among the rest).
 * TODO: V8 calls the fallback experimental; a Node release without it would bring back the
 * hang for such a rule (the query language refuses those shapes itself, Sigma rules do not).
 */
import { setFlagsFromString } from 'node:v8';

export function fallBackToLinearRegex(): void {
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
