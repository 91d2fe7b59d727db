/** Focus handling shared by panels that open over or beside the page. */
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Remembers what had focus when the panel `panel` opened and gives focus back to it when the
 * panel closes with focus inside it (or lost to the page), not when focus moved elsewhere.
 * Returns that element (the button that opened the panel, mostly).
 */
export function useReturnFocus(panel: { readonly current: HTMLElement | null }): Element | null {
  // Read while rendering, before the panel or its autofocus can take focus.
  const [opener] = useState(() => document.activeElement);
  // A layout effect, so the cleanup is in place as soon as the panel is drawn: a plain effect
  // runs after the next frame, and a panel closed before then (Esc pressed at once, a busy
  // page) would never give focus back.
  useLayoutEffect(
    () => () => {
      const active = document.activeElement;
      const lost = active === null || active === document.body || panel.current?.contains(active);
      if (lost === true && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [],
  );
  return opener;
}
