/**
 * One status block per opened file: its name and size, an honest status line, a progress bar
 * while it is read, a cancel button, the damage banner and the parser's diagnostics.
 */
import {
  byteSize,
  damageBanner,
  describeDiagnostic,
  plural,
  statusLine,
} from '../files/describe.js';
import { isActive, type LoadedFile } from '../files/loaded-file.js';

export interface FileListProps {
  readonly files: readonly LoadedFile[];
  readonly onCancel: (index: number) => void;
  readonly onCancelAll: () => void;
}

/** Every file's status. */
export function FileList({ files, onCancel, onCancelAll }: FileListProps) {
  if (files.length === 0) return null;
  const active = files.filter(isActive).length;
  return (
    <section class="files" aria-label="Opened files">
      {active > 1 && (
        <button type="button" class="cancel-all" onClick={onCancelAll}>
          {`Cancel all (${active})`}
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
  const banner = damageBanner(file);
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
        <span class="file-size">{byteSize(file.size)}</span>
        <span class="file-status" role="status" aria-busy={isActive(file)}>
          {statusLine(file)}
        </span>
        {isActive(file) && (
          <>
            <progress max={file.size} value={file.bytes} aria-label={`Reading ${file.name}`} />
            <button
              type="button"
              onClick={() => onCancel(file.index)}
              aria-label={`Cancel reading ${file.name}`}
            >
              Cancel
            </button>
          </>
        )}
      </div>
      <FileHash file={file} />
      {banner !== undefined && <p class={`banner banner-${banner.severity}`}>{banner.text}</p>}
      {diagnostics.length > 0 && (
        <details class="diagnostics" open={file.summary?.lost === true}>
          <summary>
            {plural(diagnostics.length + file.diagnosticsOmitted, 'parser diagnostic')}
          </summary>
          <ul>
            {diagnostics.map((diagnostic, i) => (
              <li key={i} class={`diagnostic-${diagnostic.severity}`}>
                {describeDiagnostic(diagnostic)}
              </li>
            ))}
            {file.diagnosticsOmitted > 0 && (
              <li>{`… and ${file.diagnosticsOmitted} more not shown`}</li>
            )}
          </ul>
        </details>
      )}
    </li>
  );
}

/** The file's SHA-256 as `sha256sum` prints it, to match against an evidence intake. */
function FileHash({ file }: { file: LoadedFile }) {
  if (file.sha256 !== undefined) {
    return (
      <p class="file-hash">
        {'SHA-256 '}
        <code data-sha256={file.sha256}>{file.sha256}</code>
      </p>
    );
  }
  if (file.hashError !== undefined) {
    return <p class="file-hash">{`SHA-256 not computed: ${file.hashError}`}</p>;
  }
  return <p class="file-hash">SHA-256 being computed…</p>;
}
