/**
 * The tab strip above the workspace: the events table, or one of the hunting views in its
 * place, with the hunt's progress beside it. Arrow keys move between tabs, as the ARIA tabs
 * pattern has it; only the chosen tab is in the Tab order.
 */
import { count, plural } from '../../files/describe.js';
import type { HuntSession, HuntStatus, HuntTab } from '../../session/hunt.js';

const TABS: readonly (readonly [HuntTab, string])[] = [
  ['events', 'Events'],
  ['outbound', 'Outbound connections'],
  ['findings', 'Findings'],
  ['export', 'Export'],
];

/** The id of a tab's button, which its panel names as its label. */
export function tabId(tab: HuntTab): string {
  return `view-tab-${tab}`;
}

/** The tab strip and the hunt's status line. */
export function HuntTabs({ hunt }: { readonly hunt: HuntSession }) {
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
      <div role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {TABS.map(([tab, label]) => (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            aria-selected={tab === current}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => (hunt.tab.value = tab)}
          >
            {tab === 'findings' && findings !== undefined ? `${label} (${count(findings)})` : label}
          </button>
        ))}
      </div>
      <p class="hunt-status" role="status">
        {statusText(hunt.status.value)}
      </p>
    </div>
  );
}

/** One line on where the hunt is. */
export function statusText(status: HuntStatus): string {
  switch (status.state) {
    case 'off':
      return 'Hunting is off';
    case 'idle':
      return 'The hunt starts when events arrive';
    case 'hunting':
      if (status.rulesCatchingUp !== undefined) {
        return `Running the new Sigma rules over the events read: ${count(status.rulesCatchingUp)} of ${plural(status.sent, 'event')}`;
      }
      return `Hunting: ${count(status.sent)} of ${plural(status.rows, 'event')} sent to the engine`;
    case 'ready':
      return `Hunted ${plural(status.sent, 'event')}${tookText(status.tookMs)}`;
    case 'failed':
      return `The hunt stopped: ${status.message ?? 'unknown error'}`;
  }
}

function tookText(ms: number | undefined): string {
  if (ms === undefined) return '';
  const took = ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
  return `, reported ${took} after the first row was sent`;
}
