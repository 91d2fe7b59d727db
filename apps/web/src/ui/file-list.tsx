/**
 * One status block per opened file: its name and size, an honest status line, a progress bar
 * while it is read, a cancel button, the damage banner and the parser's diagnostics. Of more
 * than FOLD_AFTER files, all but those that failed or lost records fold under a one-line
 * summary, so the table keeps the page.
 */
import { damageBanner, describeDiagnostic, statusLine } from '../files/describe.js';
import { isActive, type LoadedFile } from '../files/loaded-file.js';
import { useI18n } from '../i18n/context.js';
import type { Translator } from '../i18n/translator.js';
import { visibleText } from './visible-text.js';

/** Most files listed open; more fold under their summary line, to be unfolded by a click. */
export const FOLD_AFTER = 3;

export interface FileListProps {
  readonly files: readonly LoadedFile[];
  readonly onCancel: (index: number) => void;
  readonly onCancelAll: () => void;
}

/** Every file's status. */
export function FileList({ files, onCancel, onCancelAll }: FileListProps) {
  const tr = useI18n();
  if (files.length === 0) return null;
  const { t } = tr;
  const active = files.filter(isActive).length;
  const fold = files.length > FOLD_AFTER;
  // A file that failed or lost records stays in sight; the others fold.
  const listed = fold ? files.filter((file) => standsOut(file, tr)) : files;
  const folded = fold ? files.filter((file) => !standsOut(file, tr)) : [];
  const list = (shown: readonly LoadedFile[]) => (
    <ul>
      {shown.map((file) => (
        <FileStatus key={file.index} file={file} onCancel={onCancel} />
      ))}
    </ul>
  );
  return (
    <section class="files" aria-label={t('files.label')}>
      {active > 1 && (
        <button type="button" class="cancel-all" onClick={onCancelAll}>
          {t('files.cancelAll', { count: active })}
        </button>
      )}
      {listed.length > 0 && list(listed)}
      {folded.length > 0 && (
        <details class="files-fold">
          <summary class="files-summary">{foldSummary(folded, tr)}</summary>
          {list(folded)}
        </details>
      )}
    </section>
  );
}

/** A file that failed, is no EVTX or lost records: it is never folded away. */
function standsOut(file: LoadedFile, tr: Translator): boolean {
  return file.state === 'failed' || damageBanner(file, tr)?.severity === 'error';
}

/** One line for folded files: how many, the records read, those still reading or warned of. */
export function foldSummary(files: readonly LoadedFile[], tr: Translator): string {
  const records = files.reduce((sum, file) => sum + file.records, 0);
  const reading = files.filter(isActive).length;
  const hurt = files.filter(
    (file) => file.state === 'failed' || damageBanner(file, tr) !== undefined,
  ).length;
  const parts = [
    tr.t('files.foldFiles', { count: files.length }),
    tr.t('files.foldRecords', { count: records }),
  ];
  if (reading > 0) parts.push(tr.t('files.foldReading', { count: reading }));
  if (hurt > 0) parts.push(tr.t('files.foldProblems', { count: hurt }));
  return parts.join(' · ');
}

function FileStatus({ file, onCancel }: { file: LoadedFile; onCancel: (index: number) => void }) {
  const tr = useI18n();
  const { t } = tr;
  const banner = damageBanner(file, tr);
  const diagnostics = file.summary?.diagnostics ?? [];
  return (
    <li
      class={`file file-${file.state}`}
      data-state={file.state}
      data-first-rows-ms={file.firstRowsMs}
      data-last-record-ms={file.lastRecordMs}
    >
      <div class="file-line">
        <span class="file-name">{visibleText(file.name)}</span>
        <span class="file-size">{tr.bytes(file.size)}</span>
        <span class="file-status" role="status" aria-busy={isActive(file)}>
          {statusLine(file, tr)}
        </span>
        {isActive(file) && (
          <>
            <progress
              max={file.size}
              value={file.bytes}
              aria-label={t('files.readingName', { name: file.name })}
            />
            <button
              type="button"
              onClick={() => onCancel(file.index)}
              aria-label={t('files.cancelName', { name: file.name })}
            >
              {t('files.cancel')}
            </button>
          </>
        )}
      </div>
      <FileHash file={file} />
      {banner !== undefined && <p class={`banner banner-${banner.severity}`}>{banner.text}</p>}
      {diagnostics.length > 0 && (
        <details class="diagnostics" open={file.summary?.lost === true}>
          <summary>
            {t('files.diagnostics', { count: diagnostics.length + file.diagnosticsOmitted })}
          </summary>
          <ul>
            {diagnostics.map((diagnostic, i) => (
              <li key={i} class={`diagnostic-${diagnostic.severity}`}>
                {describeDiagnostic(diagnostic)}
              </li>
            ))}
            {file.diagnosticsOmitted > 0 && (
              <li>{t('files.diagnosticsMore', { count: file.diagnosticsOmitted })}</li>
            )}
          </ul>
        </details>
      )}
    </li>
  );
}

/** The file's SHA-256 as `sha256sum` prints it, to match against an evidence intake. */
function FileHash({ file }: { file: LoadedFile }) {
  const { t } = useI18n();
  if (file.sha256 !== undefined) {
    return (
      <p class="file-hash">
        {`${t('files.sha256')} `}
        <code data-sha256={file.sha256}>{file.sha256}</code>
      </p>
    );
  }
  if (file.hashError !== undefined) {
    return <p class="file-hash">{t('files.hashFailed', { problem: file.hashError })}</p>;
  }
  return <p class="file-hash">{t('files.hashing')}</p>;
}
