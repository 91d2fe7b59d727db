/**
 * The tab strip above the workspace: the events table, or one of the hunting views in its
 * place, with the hunt's progress beside it. Arrow keys move between tabs, as the ARIA tabs
 * pattern has it; only the chosen tab is in the Tab order.
 */
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import type { HuntSession, HuntStatus, HuntTab } from '../../session/hunt.js';

type TabKey = 'tabs.events' | 'tabs.outbound' | 'tabs.findings' | 'tabs.export';

const TABS: readonly (readonly [HuntTab, TabKey])[] = [
  ['events', 'tabs.events'],
  ['outbound', 'tabs.outbound'],
  ['findings', 'tabs.findings'],
  ['export', 'tabs.export'],
];

/** The id of a tab's button, which its panel names as its label. */
export function tabId(tab: HuntTab): string {
  return `view-tab-${tab}`;
}

/** The tab strip and the hunt's status line. */
export function HuntTabs({ hunt }: { readonly hunt: HuntSession }) {
  const tr = useI18n();
  const { t } = tr;
  const current = hunt.tab.value;
  const findings = hunt.result.value?.findings.length;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const at = TABS.findIndex(([tab]) => tab === current);
    const next = TABS[(at + step + TABS.length) % TABS.length]?.[0] ?? 'events';
    hunt.tab.value = next;
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div class="view-tabs">
      <div role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {TABS.map(([tab, key]) => (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            aria-selected={tab === current}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => (hunt.tab.value = tab)}
          >
            {tab === 'findings' && findings !== undefined
              ? t('tabs.findingsCount', { count: findings })
              : t(key)}
          </button>
        ))}
      </div>
      <p class="hunt-status" role="status">
        {statusText(hunt.status.value, tr)}
      </p>
    </div>
  );
}

/** One line on where the hunt is. */
export function statusText(status: HuntStatus, tr: Translator): string {
  const { t } = tr;
  switch (status.state) {
    case 'off':
      return t('hunt.off');
    case 'idle':
      return t('hunt.idle');
    case 'hunting':
      if (status.rulesCatchingUp !== undefined) {
        return t('hunt.rulesCatchingUp', { done: status.rulesCatchingUp, count: status.sent });
      }
      return t('hunt.hunting', { sent: status.sent, count: status.rows });
    case 'ready':
      if (status.tookMs === undefined) return t('hunt.ready', { count: status.sent });
      return t('hunt.readyTook', { count: status.sent, took: tookText(status.tookMs, tr) });
    case 'failed':
      return t('hunt.failed', { reason: status.message ?? t('hunt.unknownError') });
  }
}

/** `420 ms`, `1.5 s` (`1,5 s` in German). */
function tookText(ms: number, tr: Translator): string {
  if (ms < 1000) return tr.t('hunt.ms', { ms: Math.round(ms) });
  const seconds = new Intl.NumberFormat(tr.lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ms / 1000);
  return tr.t('hunt.seconds', { seconds });
}
