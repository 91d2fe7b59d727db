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
 * DNS name), `port`, `kind`, `computer`. Globs take `*` and `?` and ignore case.
 */
import type { Finding, FindingKind } from '../findings/finding.js';
import { FINDING_KINDS } from '../findings/finding.js';
import { cidrContains, parseCidr, type Cidr } from '../net/cidr.js';
import { parseIp } from '../net/ip.js';

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
  constructor(name: string, line: number, reason: string) {
    super(`Cannot read allowlist ${name} line ${line}: ${reason}`);
    this.name = 'AllowlistError';
  }
}

type Condition = (finding: Finding) => boolean;

const CONDITION = /\s*([A-Za-z]+)=("([^"]*)"|\S+)/y;

/** Parses allowlist text; throws AllowlistError naming the line of the first bad rule. */
export function parseAllowlist(text: string, name = 'allowlist'): Allowlist {
  if (text.length > ALLOWLIST_TEXT_LIMIT) {
    throw new AllowlistError(name, 0, `it is over ${ALLOWLIST_TEXT_LIMIT} characters`);
  }

  const rules: AllowRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    rules.push(parseRule(line, index + 1, name));
  }
  return { name, rules };
}

function parseRule(text: string, line: number, name: string): AllowRule {
  const conditions: Condition[] = [];
  CONDITION.lastIndex = 0;
  while (CONDITION.lastIndex < text.length) {
    const start = CONDITION.lastIndex;
    const match = CONDITION.exec(text);
    if (match === null) {
      throw new AllowlistError(name, line, `expected key=value at column ${start + 1}`);
    }
    const [, key = '', written = '', quoted] = match;
    conditions.push(
      condition(key.toLowerCase(), quoted ?? written, (reason) => {
        throw new AllowlistError(name, line, reason);
      }),
    );
  }
  return { text, line, matches: (finding) => conditions.every((test) => test(finding)) };
}

function condition(key: string, value: string, fail: (reason: string) => never): Condition {
  switch (key) {
    case 'image':
      return imageCondition(value);
    case 'destination':
      return addressCondition(value, fail, (finding) => finding.destinationIp);
    case 'source':
      return addressCondition(value, fail, (finding) => finding.sourceIp);
    case 'hostname':
      return hostnameCondition(value);
    case 'port':
      return portCondition(value, fail);
    case 'kind':
      return kindCondition(value, fail);
    case 'computer':
      return textCondition(globPattern(value), (finding) => finding.computer);
    default:
      return fail(
        `unknown key '${key}' (use image, destination, source, hostname, port, kind, computer)`,
      );
  }
}

function imageCondition(value: string): Condition {
  const pattern = globPattern(value);
  if (value.includes('\\')) return textCondition(pattern, (finding) => finding.image);
  return textCondition(pattern, (finding) => finding.image?.split('\\').pop());
}

function hostnameCondition(value: string): Condition {
  const pattern = globPattern(value);
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
  if (cidr === undefined) return fail(`'${value}' is not an address or CIDR block`);

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
  if (!(port >= 0 && port <= 65535)) return fail(`'${value}' is not a port number`);
  return (finding) => finding.destinationPort === port;
}

function kindCondition(value: string, fail: (reason: string) => never): Condition {
  if (!(FINDING_KINDS as readonly string[]).includes(value)) {
    return fail(`'${value}' is not a finding kind (${FINDING_KINDS.join(', ')})`);
  }
  const kind = value as FindingKind;
  return (finding) => finding.kind === kind;
}

function textCondition(pattern: RegExp, text: (finding: Finding) => string | undefined): Condition {
  return (finding) => {
    const value = text(finding);
    return value !== undefined && pattern.test(value);
  };
}

/** A case-insensitive whole-value regular expression for a glob with `*` and `?`. */
export function globPattern(glob: string): RegExp {
  const source = [...glob]
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

/** The first rule that suppresses the finding, or undefined. */
export function suppressingRule(allowlist: Allowlist, finding: Finding): AllowRule | undefined {
  return allowlist.rules.find((rule) => rule.matches(finding));
}
