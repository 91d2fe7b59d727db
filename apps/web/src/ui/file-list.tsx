/**
 * One status block per opened file: its name and size, an honest status line, a progress bar
 * while it is read, a cancel button, the damage banner and the parser's diagnostics.
 */
import { damageBanner, describeDiagnostic, statusLine } from '../files/describe.js';
import { isActive, type LoadedFile } from '../files/loaded-file.js';
import { useI18n } from '../i18n/context.js';

export interface FileListProps {
  readonly files: readonly LoadedFile[];
  readonly onCancel: (index: number) => void;
  readonly onCancelAll: () => void;
}

/** Every file's status. */
export function FileList({ files, onCancel, onCancelAll }: FileListProps) {
  if (files.length === 0) return null;
  const { t } = useI18n();
  const active = files.filter(isActive).length;
  return (
    <section class="files" aria-label={t('files.label')}>
      {active > 1 && (
        <button type="button" class="cancel-all" onClick={onCancelAll}>
          {t('files.cancelAll', { count: active })}
        </button>
      )}
      <ul>
        {files.map((file) => (
          <FileStatus key={file.index} file={file} onCancel={onCancel} />
        ))}
      </ul>
    </section>
  );
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
        <span class="file-name">{file.name}</span>
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
