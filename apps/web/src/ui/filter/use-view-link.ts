/**
 * Keeps the page's address in step with its view: the fragment is read when the page opens and
 * whenever the person changes it (hashchange), and rewritten in place (replaceState, so Back
 * is not flooded) whenever the query, columns, sort, zone or facets change.
 */
import { effect } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';

import { decodeViewState } from '@evtxhunt/hunt';

import { applyViewState, currentViewState, viewFragment } from '../../session/view-link.js';
import type { Workbench } from '../../session/workbench.js';

/** Follows the fragment; returns what the last fragment read held that could not be used. */
export function useViewLink(bench: Workbench): readonly string[] {
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  useEffect(() => {
    const read = () => {
      const decoded = decodeViewState(location.hash);
      applyViewState(bench, decoded.state);
      setWarnings(decoded.warnings);
    };
    read();

    const stopWriting = effect(() => {
      const fragment = viewFragment(currentViewState(bench));
      if (fragment === location.hash) return;
      history.replaceState(
        history.state,
        '',
        fragment === '' ? location.pathname + location.search : fragment,
      );
    });
    window.addEventListener('hashchange', read);
    return () => {
      stopWriting();
      window.removeEventListener('hashchange', read);
    };
  }, [bench]);
  return warnings;
}
