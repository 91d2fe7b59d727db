/**
 * Exports: the events table's rows exactly as filtered and sorted (CSV with the table's columns
 * and formulas neutralised, JSON Lines with every field, ECS or Timesketch as `evtxhunt dump`
 * writes them), and the findings (JSON Lines).
 * A finished file downloads at once through a blob: URL of this page's own origin, and stays
 * offered as a link until the next export, marked out of date once the rows or findings it
 * was made from change.
 */
import { useEffect, useState } from 'preact/hooks';

import { count, plural } from '../../files/describe.js';
import type { ExportKind, ExportSession, ExportState } from '../../session/exports.js';

const KIND_NAMES: Readonly<Record<ExportKind, string>> = {
  'events-csv': 'events as CSV',
  'events-jsonl': 'events as JSON Lines',
  'events-ecs': 'events as ECS documents',
  'events-timesketch': 'events for Timesketch',
  'findings-jsonl': 'findings as JSON Lines',
};

export interface ExportViewProps {
  readonly exports: ExportSession;
  /** Rows of the events table, and findings shown. */
  readonly rows: number;
  readonly columns: readonly string[];
  readonly findings: number | undefined;
}

/** The view. */
export function ExportView({ exports, rows, columns, findings }: ExportViewProps) {
  const state = exports.state.value;
  const busy = state.state === 'writing';
  return (
    <div class="export">
      <section aria-label="Export events">
        <h2>{`Events: the ${plural(rows, 'row')} of the table, as filtered and sorted`}</h2>
        <p class="hunt-note">
          {`CSV has the table's columns (${columns.join(', ')}); JSON Lines has every field. ` +
            `Times are written in ${exports.timeZone}, named in the CSV header. ECS (for ` +
            `Elastic or OpenSearch) and Timesketch are the documents evtxhunt dump writes, in UTC.`}
        </p>
        <button type="button" disabled={busy} onClick={() => void exports.events('csv')}>
          Export events as CSV
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exports.events('jsonl')}>
          Export events as JSON Lines
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exports.events('ecs')}>
          Export events as ECS
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => void exports.events('timesketch')}>
          Export events for Timesketch
        </button>
      </section>
      <section aria-label="Export findings">
        <h2>
          {findings === undefined ? 'Findings: no report yet' : `Findings: ${count(findings)}`}
        </h2>
        <button
          type="button"
          disabled={busy || findings === undefined}
          onClick={() => exports.findings()}
        >
          Export findings as JSON Lines
        </button>
      </section>
      <ExportStatus exports={exports} />
    </div>
  );
}

function ExportStatus({ exports }: { exports: ExportSession }) {
  const state = exports.state.value;
  const url = useDownload(exports, state);
  switch (state.state) {
    case 'idle':
      return null;
    case 'writing':
      return (
        <p role="status">
          {`Writing ${plural(state.rows, 'row')} as ${KIND_NAMES[state.kind]}: ` +
            `${count(state.written)} so far…`}
        </p>
      );
    case 'failed':
      return (
        <p class="problem" role="alert">
          {`The export of ${KIND_NAMES[state.kind]} failed: ${state.message}`}
        </p>
      );
    case 'ready':
      return (
        <div
          role="status"
          class={exports.stale.value ? 'export-ready export-stale' : 'export-ready'}
        >
          {exports.stale.value && (
            <p class="problem">{`Out of date: this export of ${KIND_NAMES[state.kind]} was made before the ${state.kind === 'findings-jsonl' ? 'findings' : 'rows'} shown now changed. Export again for the current ones.`}</p>
          )}
          <p>
            {`${plural(state.file.lines, 'line')} written (${state.file.timeZone}). `}
            {url !== undefined && (
              <a href={url} download={state.file.fileName}>
                {`Download ${state.file.fileName} again`}
              </a>
            )}
          </p>
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
