/**
 * Exports: the events table's rows exactly as filtered and sorted (CSV with the table's columns
 * and formulas neutralised, JSON Lines with every field, ECS or Timesketch as `evtxhunt dump`
 * writes them), and the findings (JSON Lines).
 * A finished file downloads at once through a blob: URL of this page's own origin, and stays
 * offered as a link until the next export, marked out of date once the rows or findings it
 * was made from change.
 */
import { useEffect, useState } from 'preact/hooks';

import { useI18n } from '../../i18n/context.js';
import type { ExportKind, ExportSession, ExportState } from '../../session/exports.js';

const KIND_NAMES = {
  'events-csv': 'export.kindEventsCsv',
  'events-jsonl': 'export.kindEventsJsonl',
  'events-ecs': 'export.kindEventsEcs',
  'events-timesketch': 'export.kindEventsTimesketch',
  'findings-jsonl': 'export.kindFindingsJsonl',
} as const satisfies Readonly<Record<ExportKind, string>>;

export interface ExportViewProps {
  readonly exports: ExportSession;
  /** Rows of the events table, and findings shown. */
  readonly rows: number;
  readonly columns: readonly string[];
  readonly findings: number | undefined;
}

/** The view. */
export function ExportView({ exports, rows, columns, findings }: ExportViewProps) {
  const { t } = useI18n();
  const state = exports.state.value;
  const busy = state.state === 'writing';
  return (
    <div class="export">
      <section aria-label={t('export.eventsLabel')}>
        <h2>{t('export.eventsHeading', { count: rows })}</h2>
        <p class="hunt-note">
          {t('export.eventsNote', { columns: columns.join(', '), zone: exports.timeZone })}
        </p>
        <button type="button" disabled={busy} onClick={() => void exports.events('csv')}>
          {t('export.csv')}
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exports.events('jsonl')}>
          {t('export.jsonl')}
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exports.events('ecs')}>
          {t('export.ecs')}
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exports.events('timesketch')}>
          {t('export.timesketch')}
        </button>
      </section>
      <section aria-label={t('export.findingsLabel')}>
        <h2>
          {findings === undefined
            ? t('export.noFindings')
            : t('export.findingsCount', { count: findings })}
        </h2>
        <button
          type="button"
          disabled={busy || findings === undefined}
          onClick={() => exports.findings()}
        >
          {t('export.findings')}
        </button>
      </section>
      <ExportStatus exports={exports} />
    </div>
  );
}

function ExportStatus({ exports }: { exports: ExportSession }) {
  const { t } = useI18n();
  const state = exports.state.value;
  const url = useDownload(exports, state);
  switch (state.state) {
    case 'idle':
      return null;
    case 'writing':
      return (
        <p role="status">
          {t('export.writing', {
            count: state.rows,
            kind: t(KIND_NAMES[state.kind]),
            written: state.written,
          })}
        </p>
      );
    case 'failed':
      return (
        <p class="problem" role="alert">
          {t('export.failed', { kind: t(KIND_NAMES[state.kind]), message: state.message })}
        </p>
      );
    case 'ready':
      return (
        <div
          role="status"
          class={exports.stale.value ? 'export-ready export-stale' : 'export-ready'}
        >
          {exports.stale.value && (
            <p class="problem">
              {t(state.kind === 'findings-jsonl' ? 'export.staleFindings' : 'export.staleRows', {
                kind: t(KIND_NAMES[state.kind]),
              })}
            </p>
          )}
          <p>
            {`${t('export.written', { count: state.file.lines, zone: state.file.timeZone })} `}
            {url !== undefined && (
              <a href={url} download={state.file.fileName}>
                {t('export.again', { file: state.file.fileName })}
              </a>
            )}
          </p>
          {/* TODO: the note on an export's times and format is written in English (hunt/export.ts). */}
          <p class="export-note">{state.file.note}</p>
        </div>
      );
  }
}

/**
 * A blob: URL for a finished export, revoked when replaced; clicked to download it only when
 * just written (an export button's doing), never when the view is shown again.
 */
function useDownload(exports: ExportSession, state: ExportState): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (state.state !== 'ready') return undefined;
    const made = URL.createObjectURL(state.file.blob);
    setUrl(made);
    if (exports.takeDownload(state.file)) {
      const anchor = document.createElement('a');
      anchor.href = made;
      anchor.download = state.file.fileName;
      anchor.click();
    }
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [state]);
  return url;
}
