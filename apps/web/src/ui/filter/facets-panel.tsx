/**
 * Facets: for Event ID, provider, channel, level, computer and any field the person adds, the
 * most frequent values among the filtered rows with their counts. A value's button keeps only
 * rows with it, the minus button drops them; pressing either again takes the term away.
 */
import { useState } from 'preact/hooks';

import { columnLabel } from '../../i18n/columns.js';
import { useI18n } from '../../i18n/context.js';
import { type FilterSession, SYSTEM_FACETS } from '../../session/filter.js';
import { isExtraColumn } from '../../store/columns.js';
import { excludedValues, termState } from '../../filter/query-edit.js';
import type { FacetSummary, FacetValue } from '../../filter/facets.js';
import type { ColumnInfo } from '../../store/columns.js';
import { visibleText } from '../visible-text.js';

/** Values shown before "more". */
const FIRST_VALUES = 8;

/** Longest value text shown in a facet; the title holds all of it. */
const VALUE_TEXT_LIMIT = 120;

export interface FacetsPanelProps {
  readonly filter: FilterSession;
  /** Every column present, to offer as facets. */
  readonly columns: readonly ColumnInfo[];
}

/** The facets column. */
export function FacetsPanel({ filter, columns }: FacetsPanelProps) {
  const tr = useI18n();
  const { t } = tr;
  const added = filter.facetFields.value;
  const offered = columns.filter(
    (column) =>
      (!column.system || isExtraColumn(column.key)) &&
      !added.includes(column.key) &&
      !SYSTEM_FACETS.includes(column.key),
  );

  return (
    <section class="facets" aria-label={t('facets.label')}>
      <h2 class="facets-title">{t('facets.label')}</h2>
      {filter.facets.value.map((summary) => (
        <Facet
          key={summary.key}
          filter={filter}
          summary={summary}
          removable={added.includes(summary.key)}
        />
      ))}
      <label class="facet-add">
        <span>{t('facets.add')}</span>
        <select
          value=""
          onChange={(event) => {
            const select = event.currentTarget as HTMLSelectElement;
            if (select.value !== '') filter.addFacet(select.value);
            select.value = '';
          }}
        >
          <option value="">{t('facets.choose')}</option>
          {offered.map((column) => (
            <option key={column.key} value={column.key}>
              {columnLabel(tr, column)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

interface FacetProps {
  readonly filter: FilterSession;
  readonly summary: FacetSummary;
  readonly removable: boolean;
}

function Facet({ filter, summary, removable }: FacetProps) {
  const tr = useI18n();
  const { t } = tr;
  const label = columnLabel(tr, summary);
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? summary.values : summary.values.slice(0, FIRST_VALUES);
  const hidden = summary.values.length - shown.length;
  // Values left out have no rows to count; they stay listed so the term can be taken back.
  const excluded = excludedValues(filter.terms.value, summary.key).map((text) => ({
    text,
    count: 0,
  }));
  // A field name is log text: encoded, so no space in it can make the id name other elements.
  const headingId = `facet-${encodeURIComponent(summary.key)}`;

  return (
    <section class="facet" aria-labelledby={headingId} data-facet={summary.key}>
      <div class="facet-head">
        <h3 id={headingId}>{label}</h3>
        {removable && (
          <button
            type="button"
            class="facet-remove"
            aria-label={t('facets.remove', { facet: label })}
            onClick={() => filter.removeFacet(summary.key)}
          >
            ×
          </button>
        )}
      </div>
      {summary.values.length === 0 && excluded.length === 0 && (
        <p class="facet-empty">{t('facets.none')}</p>
      )}
      <ul class="facet-values">
        {[...shown, ...excluded].map((value) => (
          <FacetRow key={value.text} filter={filter} summary={summary} value={value} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" class="facet-more" onClick={() => setExpanded(true)}>
          {t('facets.more', { count: hidden })}
        </button>
      )}
      {expanded && summary.distinct > summary.values.length && (
        <p class="facet-empty">
          {t('facets.mostFrequent', { shown: summary.values.length, count: summary.distinct })}
        </p>
      )}
    </section>
  );
}

interface FacetRowProps {
  readonly filter: FilterSession;
  readonly summary: FacetSummary;
  readonly value: FacetValue;
}

function FacetRow({ filter, summary, value }: FacetRowProps) {
  const tr = useI18n();
  const { t } = tr;
  const state = termState(filter.terms.value, summary.key, value.text);
  const named = summary.key === 'level' ? tr.level(value.text) : value.text;
  const text = value.text === '' ? t('facets.empty') : visibleText(named);
  const shown = text.length > VALUE_TEXT_LIMIT ? `${text.slice(0, VALUE_TEXT_LIMIT)}…` : text;
  const facet = columnLabel(tr, summary);

  return (
    <li class={state === undefined ? 'facet-row' : `facet-row ${state}`}>
      <button
        type="button"
        class="facet-value"
        title={text}
        aria-pressed={state === 'included'}
        aria-label={t('facets.only', { facet, value: text, count: value.count })}
        onClick={() => filter.include(summary.key, value.text)}
      >
        <span class="facet-text">{shown}</span>
        <span class="facet-count">{tr.count(value.count)}</span>
      </button>
      <button
        type="button"
        class="facet-exclude"
        title={t('facets.leaveOut', { value: text })}
        aria-pressed={state === 'excluded'}
        aria-label={t('facets.leaveOutFacet', { facet, value: text })}
        onClick={() => filter.exclude(summary.key, value.text)}
      >
        −
      </button>
    </li>
  );
}
