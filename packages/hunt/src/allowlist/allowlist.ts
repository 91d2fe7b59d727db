/**
 * Allowlists: known-good activity an analyst does not want to see again. A file holds one rule
 * per line; every condition on a line must hold for the rule to suppress a finding:
 *
 *     # comment
 *     image=*\OneDrive.exe hostname=*.live.com
 *     destination=13.64.0.0/11
 *     image="C:\Program Files\Agent\agent.exe" kind=beacon port=443
 *
 * Keys: `image` (a glob on the full path, or on the file name when it has no `\`), `destination`
 * and `source` (an address or CIDR), `hostname` (a glob on DestinationHostname or the queried
 * DNS name), `port`, `kind`, `computer`. Globs take `*` and `?` and ignore case; matching one
 * takes at most (glob length x text length) steps (see glob.ts). A value with blanks goes in
 * double quotes, closed on the same line.
 */
import type { Finding, FindingKind } from '../findings/finding.js';
import { FINDING_KINDS } from '../findings/finding.js';
import { cidrContains, parseCidr, type Cidr } from '../net/cidr.js';
import { parseIp } from '../net/ip.js';
import { GLOB_LENGTH_LIMIT, compileAllowGlob, type Glob } from './glob.js';

/** Longest allowlist accepted, in characters; a larger file is refused rather than read. */
export const ALLOWLIST_TEXT_LIMIT = 4 * 1024 * 1024;

/** One allowlist rule: its text, line, and the conditions that must all hold. */
export interface AllowRule {
  readonly text: string;
  readonly line: number;
  readonly matches: (finding: Finding) => boolean;
}

/** A parsed allowlist. */
export interface Allowlist {
  readonly name: string;
  readonly rules: readonly AllowRule[];
}

/** A line of an allowlist that cannot be read. */
export class AllowlistError extends Error {
  constructor(name: string, line: number | undefined, reason: string) {
    const where = line === undefined ? name : `${name} line ${line}`;
    super(`Cannot read allowlist ${where}: ${reason}`);
    this.name = 'AllowlistError';
  }
}

type Condition = (finding: Finding) => boolean;

/** Characters of a value quoted in an error message; the rest is cut to keep errors short. */
const QUOTED_VALUE_LIMIT = 80;

/** Parses allowlist text; throws AllowlistError naming the line of the first bad rule. */
export function parseAllowlist(text: string, name = 'allowlist'): Allowlist {
  if (text.length > ALLOWLIST_TEXT_LIMIT) {
    throw new AllowlistError(name, undefined, `it is over ${ALLOWLIST_TEXT_LIMIT} characters`);
  }

  const rules: AllowRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    rules.push(parseRule(raw.trimEnd(), index + 1, name));
  }
  return { name, rules };
}

/** One rule from its line, leading blanks kept so that columns count from the line's start. */
function parseRule(text: string, line: number, name: string): AllowRule {
  const fail = (reason: string): never => {
    throw new AllowlistError(name, line, reason);
  };
  const conditions: Condition[] = [];
  const keys = new Set<string>();
  let end = text.length;
  const pattern = /\s*([A-Za-z]+)=("([^"]*)"|\S+)/y;

  while (pattern.lastIndex < text.length) {
    const start = pattern.lastIndex;
    // A `#` after white space starts a comment that runs to the end of the line.
    if (/^\s*#/.test(text.slice(start))) {
      end = start;
      break;
    }
    const match = pattern.exec(text);
    if (match === null) return fail(`expected key=value at column ${start + 1}`);

    const [, key = '', written = '', quoted] = match;
    if (quoted === undefined && written.startsWith('"')) {
      const column = pattern.lastIndex - written.length + 1;
      return fail(`the quote at column ${column} is not closed`);
    }
    const lower = key.toLowerCase();
    if (keys.has(lower)) {
      return fail(
        `${lower} is given twice; one line's conditions must all hold, so put each ${lower} on its own line`,
      );
    }
    keys.add(lower);
    conditions.push(condition(lower, quoted ?? written, fail));
  }
  return {
    text: text.slice(0, end).trim(),
    line,
    matches: (finding) => conditions.every((test) => test(finding)),
  };
}

function condition(key: string, value: string, fail: (reason: string) => never): Condition {
  switch (key) {
    case 'image':
      return imageCondition(glob(value, fail), value.includes('\\'));
    case 'destination':
      return addressCondition(value, fail, (finding) => finding.destinationIp);
    case 'source':
      return addressCondition(value, fail, (finding) => finding.sourceIp);
    case 'hostname':
      return hostnameCondition(glob(value, fail));
    case 'port':
      return portCondition(value, fail);
    case 'kind':
      return kindCondition(value, fail);
    case 'computer':
      return textCondition(glob(value, fail), (finding) => finding.computer);
    default:
      return fail(
        `unknown key '${shown(key)}' (use image, destination, source, hostname, port, kind, computer)`,
      );
  }
}

/** The glob for a value, or a failure naming the limit when the value is too long for one. */
function glob(value: string, fail: (reason: string) => never): Glob {
  if (value.length > GLOB_LENGTH_LIMIT) {
    return fail(`a glob of ${value.length} characters is over the limit of ${GLOB_LENGTH_LIMIT}`);
  }
  return compileAllowGlob(value);
}

/** A glob on the full path when it names a folder (`\\`), else on the file name. */
function imageCondition(pattern: Glob, fullPath: boolean): Condition {
  if (fullPath) return textCondition(pattern, (finding) => finding.image);
  return textCondition(pattern, (finding) => finding.image?.split('\\').pop());
}

function hostnameCondition(pattern: Glob): Condition {
  return (finding) =>
    [finding.destinationHostname, finding.queriedName].some(
      (name) => name !== undefined && pattern.test(name),
    );
}

function addressCondition(
  value: string,
  fail: (reason: string) => never,
  address: (finding: Finding) => string | undefined,
): Condition {
  const cidr = parseBlock(value);
  if (cidr === undefined) return fail(`'${shown(value)}' is not an address or CIDR block`);

  return (finding) => {
    const text = address(finding);
    const ip = text === undefined ? undefined : parseIp(text);
    return ip !== undefined && cidrContains(cidr, ip);
  };
}

/** A CIDR block, or a single address as the block holding only it. */
function parseBlock(value: string): Cidr | undefined {
  if (value.includes('/')) return parseCidr(value);

  const ip = parseIp(value);
  return ip === undefined ? undefined : parseCidr(`${ip.text}/${ip.version === 4 ? 32 : 128}`);
}

function portCondition(value: string, fail: (reason: string) => never): Condition {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) return fail(`'${shown(value)}' is not a port number`);
  return (finding) => finding.destinationPort === port;
}

function kindCondition(value: string, fail: (reason: string) => never): Condition {
  if (!(FINDING_KINDS as readonly string[]).includes(value)) {
    return fail(`'${shown(value)}' is not a finding kind (${FINDING_KINDS.join(', ')})`);
  }
  const kind = value as FindingKind;
  return (finding) => finding.kind === kind;
}

function textCondition(pattern: Glob, text: (finding: Finding) => string | undefined): Condition {
  return (finding) => {
    const value = text(finding);
    return value !== undefined && pattern.test(value);
  };
}

/** A value as an error message quotes it: cut after QUOTED_VALUE_LIMIT characters. */
function shown(value: string): string {
  return value.length <= QUOTED_VALUE_LIMIT ? value : `${value.slice(0, QUOTED_VALUE_LIMIT)}...`;
}

/** The first rule that suppresses the finding, or undefined. */
export function suppressingRule(allowlist: Allowlist, finding: Finding): AllowRule | undefined {
  return allowlist.rules.find((rule) => rule.matches(finding));
}
