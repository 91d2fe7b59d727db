/**
 * The log files kept in this browser, only at the person's request: a button keeps the open
 * ones, and each kept log can be opened again or removed.
 */
import { byteSize, plural } from '../../files/describe.js';
import type { KeptLogs } from '../../session/kept-logs.js';

export interface KeptLogsListProps {
  readonly logs: KeptLogs;
  readonly onMessage: (text: string, problem?: boolean) => void;
}

/** The list and its button. */
export function KeptLogsList({ logs, onMessage }: KeptLogsListProps) {
  const list = logs.list.value;
  const keep = () =>
    logs.keepOpen().then(
      (added) =>
        onMessage(
          added === 0
            ? 'Every open log file is kept already (or still being read).'
            : `${plural(added, 'log file')} kept in this browser.`,
        ),
      (error: unknown) => onMessage(error instanceof Error ? error.message : String(error), true),
    );
  return (
    <div class="saved-list">
      <h3>Log files kept in this browser</h3>
      <p class="sessions-state">
        Sessions keep no log unless you ask: kept logs take room in this browser’s storage and can
        be opened again after a reload without picking them from disk.
      </p>
      <button type="button" disabled={!logs.available.value} onClick={() => void keep()}>
        Keep the open log files in this browser too
      </button>
      {list.length > 0 && (
        <ul>
          {list.map((log) => (
            <li key={log.sha256} class="saved-item">
              <button
                type="button"
                class="link"
                aria-label={`Open the kept log ${log.name}`}
                onClick={() => logs.open(log)}
              >
                {log.name}
              </button>
              <code class="saved-detail">{`${byteSize(log.size)} · SHA-256 ${log.sha256}`}</code>
              <button
                type="button"
                aria-label={`Remove the kept log ${log.name}`}
                onClick={() =>
                  void logs
                    .remove(log.sha256)
                    .catch((error: unknown) => onMessage(String(error), true))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
