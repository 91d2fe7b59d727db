/**
 * The Hunts menu: every ready-made hunt with what it looks for, its ATT&CK techniques and how
 * many events it matches in the loaded logs, counted before it is opened. Picking one applies
 * its query to the events table, or opens the engine's findings of its kind, and closes the
 * menu. Esc (in the menu, or on the button that opened it) or Done closes it too, handing focus
 * back to that button; so does choosing another view's tab. Opening it moves focus to Done.
 */
import type { ReadyHunt } from '@evtxhunt/hunt';
import { effect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

import { useI18n } from '../../i18n/context.js';
import { huntText } from '../../i18n/hunts.js';
import type { Translator } from '../../i18n/translator.js';
import type { HuntCount } from '../../session/ready-hunts.js';
import type { Workbench } from '../../session/workbench.js';
import { openReadyHunt, type OpenedHunt } from '../../session/open-hunt.js';
import { useReturnFocus } from '../focus.js';

export interface HuntsMenuProps {
  readonly bench: Workbench;
  readonly onClose: () => void;
  /** Told what opening a hunt did, to say so on the page. */
  readonly onOpened: (hunt: ReadyHunt, opened: OpenedHunt) => void;
}

/** The menu's panel. */
export function HuntsMenu({ bench, onClose, onOpened }: HuntsMenuProps) {
  const tr = useI18n();
  const { t } = tr;
  const panel = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const opener = useReturnFocus(panel);
  useEscapeOn(opener, onClose);
  // autofocus is only honoured when a page loads, not when a panel is added later.
  useEffect(() => done.current?.focus(), []);
  useCloseOnTabChange(bench, onClose);
  const menu = bench.readyHunts;
  const counts = menu.counts.value;
  const counting = menu.counting.value;
  const hunted = bench.hunt.result.value !== undefined;

  const open = (hunt: ReadyHunt) => {
    const opened = openReadyHunt(bench, hunt);
    onClose();
    onOpened(hunt, opened);
  };

  return (
    <div
      ref={panel}
      class="hunts-menu"
      role="dialog"
      aria-label={t('hunts.label')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div class="hunts-menu-head">
        <h2>{t('hunts.heading')}</h2>
        <p class="hunts-menu-note" aria-live="polite">
          {counting ? t('hunts.counting') : t('hunts.counted')}
        </p>
        <button type="button" ref={done} onClick={onClose}>
          {t('hunts.done')}
        </button>
      </div>
      <ul class="hunts-list" aria-label={t('hunts.list')}>
        {menu.hunts.map((hunt) => {
          const text = huntText(tr.lang, hunt);
          return (
            <li key={hunt.id} class="hunt-item" data-hunt={hunt.id}>
              <button type="button" class="hunt-open" onClick={() => open(hunt)}>
                <span class="hunt-title">{text.title}</span>
                <span class="hunt-count">
                  {countText(tr, hunt, counts.get(hunt.id), counting, hunted)}
                </span>
              </button>
              <p class="hunt-what">{text.looksFor}</p>
              <p class="hunt-techniques">
                {t('hunts.techniques', { techniques: hunt.techniques.join(', ') })}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Closes the menu when another view's tab (Findings, Outbound, ...) is chosen under it. */
function useCloseOnTabChange(bench: Workbench, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opened = bench.hunt.tab.peek();
    return effect(() => {
      if (bench.hunt.tab.value !== opened) close.current();
    });
  }, [bench]);
}

/** Esc on `element` (the Hunts button, when focus goes back to it) calls `onClose`. */
function useEscapeOn(element: Element | null, onClose: () => void): void {
  useEffect(() => {
    if (!(element instanceof HTMLElement)) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [element, onClose]);
}

/** How much a hunt matches, or why that is not known yet. */
export function countText(
  tr: Translator,
  hunt: ReadyHunt,
  found: HuntCount | undefined,
  counting: boolean,
  hunted: boolean,
): string {
  const { t } = tr;
  if (found === undefined) {
    if (hunt.opens.kind === 'findings') return t(hunted ? 'hunts.noFindings' : 'hunts.afterReport');
    return counting ? t('hunts.countingShort') : t('hunts.events', { count: 0 });
  }
  const events = t('hunts.events', { count: found.events });
  if (found.findings !== undefined) return t('hunts.findings', { count: found.findings, events });
  if (found.rare !== undefined) return t('hunts.rare', { count: found.rare.length, events });
  return events;
}
