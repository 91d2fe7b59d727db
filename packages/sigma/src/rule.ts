/**
 * One Sigma rule file: its YAML read, its metadata checked, and its detection compiled for
 * each source its `logsource` binds to.
 */
import { parseAllDocuments } from 'yaml';

import { compileDetection } from './detection.js';
import { fail, quoted } from './errors.js';
import type { FieldTable } from './fields.js';
import type { FieldLiterals } from './literals.js';
import { bindLogSource, type LogSource, type SourceBinding } from './logsource.js';
import type { Need } from './prefilter.js';
import type { Matcher } from './values.js';

/** Sigma levels, least to most severe. */
export const SIGMA_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];

/** What a match reports of its rule. */
export interface SigmaRuleInfo {
  readonly id: string;
  /** The rule's `name`, by which correlations may refer to it. */
  readonly name?: string;
  readonly title: string;
  readonly level: SigmaLevel;
  readonly status?: string;
  readonly description?: string;
  readonly author?: string;
  readonly tags: readonly string[];
  readonly logsource: LogSource;
  /** The file the rule came from. */
  readonly file: string;
}

/** A rule ready to match: per bound source, its matcher. */
export interface CompiledRule {
  readonly info: SigmaRuleInfo;
  readonly sources: readonly {
    readonly binding: SourceBinding;
    readonly match: Matcher;
    /** What an event of the source must hold for the rule to have a chance. */
    readonly need: Need;
  }[];
  /** Sigma field names the detection reads, for reporting what matched. */
  readonly fields: readonly string[];
}

/** Largest rule file read, in characters: the public rules are under 20 000. */
export const RULE_TEXT_LIMIT = 1_000_000;

/** What compiling needs from the rule set. */
export interface RuleContext {
  readonly tableFor: (binding: SourceBinding) => FieldTable;
  readonly literalsFor: (binding: SourceBinding) => FieldLiterals;
  readonly placeholders: ReadonlyMap<string, readonly string[]>;
  readonly linearRegexFallback: boolean;
}

/** The rule of one YAML document; throws a SigmaRuleError saying what is wrong with it. */
export function compileRule(
  document: Record<string, unknown>,
  file: string,
  context: RuleContext,
): CompiledRule {
  if ('filter' in document && !('detection' in document)) fail('Sigma filters are not supported');

  const info = ruleInfo(document, file);
  const bindings = bindLogSource(info.logsource);
  let fields: readonly string[] = [];
  const sources = bindings.map((binding) => {
    const detection = compileDetection(document['detection'], {
      table: context.tableFor(binding),
      literals: context.literalsFor(binding),
      placeholders: context.placeholders,
      linearRegexFallback: context.linearRegexFallback,
    });
    fields = detection.fields;
    return { binding, match: detection.match, need: detection.need };
  });
  return { info, sources, fields };
}

/** Documents read from one rule file at most: a correlation with its rules fits easily. */
export const DOCUMENT_LIMIT = 1000;

/**
 * The YAML documents of a rule file, each a map (a rule or a correlation); throws when the
 * file is not YAML. A file of several documents (`---` between them) holds a correlation and
 * the rules it refers to.
 */
export function readDocuments(text: string): Record<string, unknown>[] {
  if (text.length > RULE_TEXT_LIMIT) fail(`the file is over ${RULE_TEXT_LIMIT} characters`);
  const documents = parseAllDocuments(text, { prettyErrors: false });
  if (!Array.isArray(documents) || documents.length === 0) {
    return fail('the file holds no YAML document');
  }
  if (documents.length > DOCUMENT_LIMIT) {
    fail(`the file holds ${documents.length} YAML documents, over ${DOCUMENT_LIMIT}`);
  }
  return documents.map((document, at) => {
    const error = document.errors[0];
    if (error !== undefined) {
      const before = text.slice(0, error.pos[0]);
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      fail(`YAML error at line ${line}, column ${column}: ${error.code}`);
    }
    // TODO: YAML 1.2 reads unquoted 0x1F or 1.10 as numbers, so such a value compares as 31
    // or 1.1; the public rules quote them, a rule that does not would miss.
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (!isMap(value)) fail(`YAML document ${at + 1} is not a map`);
    return value;
  });
}

function ruleInfo(document: Record<string, unknown>, file: string): SigmaRuleInfo {
  const title = text(document, 'title') ?? fail('the rule has no title');
  const id = text(document, 'id') ?? '';
  const level = (text(document, 'level') ?? 'medium').toLowerCase();
  if (!(SIGMA_LEVELS as readonly string[]).includes(level)) fail(`unknown level ${quoted(level)}`);
  const logsource = document['logsource'];
  if (!isMap(logsource)) fail('the rule has no logsource map');

  const tags = Array.isArray(document['tags'])
    ? document['tags'].filter((tag) => typeof tag === 'string')
    : [];
  const name = text(document, 'name');
  return {
    id,
    ...(name === undefined ? {} : { name }),
    title,
    level: level as SigmaLevel,
    ...optional('status', text(document, 'status')),
    ...optional('description', text(document, 'description')),
    ...optional('author', text(document, 'author')),
    tags,
    logsource: {
      ...optional('product', text(logsource, 'product')),
      ...optional('category', text(logsource, 'category')),
      ...optional('service', text(logsource, 'service')),
    },
    file,
  };
}

export function text(map: Record<string, unknown>, key: string): string | undefined {
  const value = map[key];
  return typeof value === 'string' ? value : undefined;
}

export function optional<K extends string>(
  key: K,
  value: string | undefined,
): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
