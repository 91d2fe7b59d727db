/**
 * The bar under the toolbar: the query box, regex mode, the time zone and what went wrong. A
 * query is applied a moment after typing stops, or at once with Enter; a query that does not
 * parse is shown with the faulty part marked and the reason, and the rows stay as they were.
 */
import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

import type { QueryProblem } from '@evtxhunt/hunt';

import { useI18n } from '../../i18n/context.js';
import type { FilterSession } from '../../session/filter.js';
import { ZonePicker } from './zone-picker.js';

/** How long typing must pause before the query is applied. */
export const APPLY_DELAY_MS = 350;

export interface FilterBarProps {
  readonly filter: FilterSession;
  readonly inputRef: Ref<HTMLInputElement>;
  /** What the page's link held that could not be used. */
  readonly linkWarnings: readonly string[];
}

/** The filter bar. */
export function FilterBar({ filter, inputRef, linkWarnings }: FilterBarProps) {
  const { t } = useI18n();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const problem = filter.problem.value;

  const applySoon = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => filter.apply(), APPLY_DELAY_MS);
  };
  const applyNow = () => {
    clearTimeout(timer.current);
    filter.apply();
  };

  return (
    <div class="filter-bar" role="search" aria-label={t('filter.label')}>
      <div class="filter-row">
        <input
          ref={inputRef}
          id="query"
          class="query"
          type="search"
          aria-label={t('filter.query')}
          aria-invalid={problem !== undefined}
          aria-describedby="query-help"
          placeholder={t('filter.placeholder')}
          spellcheck={false}
          autoComplete="off"
          value={filter.text.value}
          onInput={(event) => {
            filter.edit((event.currentTarget as HTMLInputElement).value);
            applySoon();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') applyNow();
          }}
        />
        <button
          type="button"
          aria-pressed={filter.regexMode.value}
          title={t('filter.regexTitle')}
          onClick={() => filter.setRegexMode(!filter.regexMode.value)}
        >
          {t('filter.regex')}
        </button>
        <ZonePicker filter={filter} />
        <span class="filter-busy" role="status">
          {filter.filtering.value ? t('filter.filtering') : ''}
        </span>
      </div>
      <QueryHelp filter={filter} linkWarnings={linkWarnings} />
    </div>
  );
}

/** Under the box: what stops the query, else what may surprise in it, and the link's leftovers. */
function QueryHelp({ filter, linkWarnings }: Omit<FilterBarProps, 'inputRef'>) {
  const { t } = useI18n();
  const problem = filter.problem.value;
  const text = filter.text.value;
  return (
    <div id="query-help" aria-live="polite">
      {problem !== undefined && <QueryNote kind="problem" text={text} problem={problem} />}
      {problem === undefined &&
        filter.warnings.value.map((warning) => (
          <QueryNote
            key={`${warning.start}-${warning.message}`}
            kind="warning"
            text={text}
            problem={warning}
          />
        ))}
      {linkWarnings.map((warning) => (
        <p class="query-note warning" key={warning}>
          {t('filter.fromLink', { warning })}
        </p>
      ))}
    </div>
  );
}

interface QueryNoteProps {
  readonly kind: 'problem' | 'warning';
  readonly text: string;
  readonly problem: QueryProblem;
}

/** Characters of the query shown on each side of a marked span. */
const ECHO_CONTEXT = 40;

/**
 * The query with the faulty span marked (a space marks a point), then what is wrong.
 * TODO: what is wrong is the query parser's message (packages/hunt), in English only.
 */
function QueryNote({ kind, text, problem }: QueryNoteProps) {
  const { t } = useI18n();
  const from = Math.max(0, problem.start - ECHO_CONTEXT);
  const to = Math.min(text.length, problem.end + ECHO_CONTEXT);
  const marked = text.slice(problem.start, problem.end);
  return (
    <p class={`query-note ${kind}`}>
      <code class="query-echo">
        {(from > 0 ? '…' : '') + text.slice(from, problem.start)}
        <mark>{marked === '' ? ' ' : marked}</mark>
        {text.slice(problem.end, to) + (to < text.length ? '…' : '')}
      </code>
      <span class="query-message">
        {t(kind === 'problem' ? 'filter.cannotFilter' : 'filter.note', {
          message: problem.message,
        })}
      </span>
    </p>
  );
}
