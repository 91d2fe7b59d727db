/**
 * `--query EXPR`: the workbench's query language on the command line, for the commands that
 * select records. A query that does not parse is a usage error naming the column.
 */
import { parseQuery, queryFilter, type QueryableRecord } from '@evtxhunt/hunt';

import { UsageError } from './errors.js';

/** What `--query` does, for help texts. */
export const QUERY_HELP = `keep only records matching EXPR, e.g.
                       'Image:*\\rundll32.exe DestinationPort:>1024 -User:*SYSTEM'
                     terms: word, "phrase", Field:value (whole value, ignoring case),
                     * and ? wildcards, Field:* (present), Field:>N, Field:[A TO B],
                     time:>=2024-05-01T10:00Z, Field:/regex/i; -term, OR, (...)`;

/**
 * The record filter for a `--query` value, or undefined without one. Throws UsageError when
 * the query does not parse.
 */
export function queryOption(
  text: string | undefined,
): ((record: QueryableRecord) => boolean) | undefined {
  if (text === undefined) return undefined;

  const result = parseQuery(text);
  if (!result.ok) throw new UsageError(`--query: ${result.error.message}`);
  return queryFilter(result.ast);
}
