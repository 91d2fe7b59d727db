/**
 * The Hunts menu: every ready-made hunt with what it looks for, its ATT&CK techniques and how
 * many events it matches in the loaded logs, counted before it is opened. Picking one applies
 * its query to the events table, or opens the engine's findings of its kind, and closes the
 * menu. Esc (in the menu, or on the button that opened it) or Done closes it too, handing focus
 * back to that button.
 */
import type { ReadyHunt } from '@evtxhunt/hunt';
import { useEffect, useRef } from 'preact/hooks';

import { plural } from '../../files/describe.js';
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
  const panel = useRef<HTMLDivElement>(null);
  const opener = useReturnFocus(panel);
  useEscapeOn(opener, onClose);
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
      aria-label="Ready-made hunts"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div class="hunts-menu-head">
        <h2>Hunts</h2>
        <p class="hunts-menu-note" aria-live="polite">
          {counting ? 'Counting the loaded events…' : 'Counts are of the loaded events.'}
        </p>
        <button type="button" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
      <ul class="hunts-list" aria-label="Hunts">
        {menu.hunts.map((hunt) => (
          <li key={hunt.id} class="hunt-item" data-hunt={hunt.id}>
            <button type="button" class="hunt-open" onClick={() => open(hunt)}>
              <span class="hunt-title">{hunt.title}</span>
              <span class="hunt-count">
                {countText(hunt, counts.get(hunt.id), counting, hunted)}
              </span>
            </button>
            <p class="hunt-what">{hunt.looksFor}</p>
            <p class="hunt-techniques">{`ATT&CK ${hunt.techniques.join(', ')}`}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Esc on `element` (the Hunts button, still focused after opening the menu) calls `onClose`. */
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
  hunt: ReadyHunt,
  found: HuntCount | undefined,
  counting: boolean,
  hunted: boolean,
): string {
  if (found === undefined) {
    if (hunt.opens.kind === 'findings') return hunted ? 'no findings' : 'after the hunt reports';
    return counting ? 'counting…' : plural(0, 'event');
  }
  const events = plural(found.events, 'event');
  if (found.findings !== undefined) return `${plural(found.findings, 'finding')} (${events})`;
  if (found.rare !== undefined) return `${events}, ${plural(found.rare.length, 'rare value')}`;
  return events;
}
