/**
 * The log files kept in this browser, only at the person's request: a button keeps the open
 * ones, and each kept log can be opened again or removed.
 */
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import { KeepLogError, type KeptLogs } from '../../session/kept-logs.js';
import { visibleText } from '../visible-text.js';

export interface KeptLogsListProps {
  readonly logs: KeptLogs;
  readonly onMessage: (text: string, problem?: boolean) => void;
}

/** The list and its button. */
export function KeptLogsList({ logs, onMessage }: KeptLogsListProps) {
  const tr = useI18n();
  const { t } = tr;
  const list = logs.list.value;
  const keep = () =>
    logs.keepOpen().then(
      (added) =>
        onMessage(added === 0 ? t('sessions.allKept') : t('sessions.keptLogs', { count: added })),
      (error: unknown) => onMessage(keepFailure(error, tr), true),
    );
  return (
    <div class="saved-list">
      <h3>{t('sessions.logsTitle')}</h3>
      <p class="sessions-state">{t('sessions.logsNote')}</p>
      <button type="button" disabled={!logs.available.value} onClick={() => void keep()}>
        {t('sessions.keepLogs')}
      </button>
      {list.length > 0 && (
        <ul>
          {list.map((log) => (
            <li key={log.sha256} class="saved-item">
              <button
                type="button"
                class="link"
                aria-label={t('sessions.openLog', { name: visibleText(log.name) })}
                onClick={() => logs.open(log)}
              >
                {visibleText(log.name)}
              </button>
              <code class="saved-detail">
                {t('sessions.logDetail', { size: tr.bytes(log.size), sha256: log.sha256 })}
              </code>
              <button
                type="button"
                aria-label={t('sessions.removeLog', { name: visibleText(log.name) })}
                onClick={() =>
                  void logs
                    .remove(log.sha256)
                    .catch((error: unknown) => onMessage(String(error), true))
                }
              >
                {t('sessions.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function keepFailure(error: unknown, { t }: Translator): string {
  if (!(error instanceof KeepLogError)) return String(error);
  if (error.full) return t('sessions.keepFull', { file: error.fileName });
  return t('sessions.keepFailed', { file: error.fileName, problem: error.detail });
}
