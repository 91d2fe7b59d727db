/** The hunting view chosen in the tab strip, shown in the events table's place. */
import type { Workbench } from '../../session/workbench.js';
import { ExportView } from './export-view.js';
import { FindingsView } from './findings-view.js';
import { tabId } from './hunt-tabs.js';
import { OutboundView } from './outbound-view.js';

/** The tab panel of the chosen hunting view. */
export function HuntView({ bench }: { readonly bench: Workbench }) {
  const hunt = bench.hunt;
  const tab = hunt.tab.value;
  const openRow = (row: number) => (bench.detailsRow.value = row);
  return (
    <section class="hunt-panel" role="tabpanel" aria-labelledby={tabId(tab)}>
      {tab === 'outbound' && (
        <OutboundView outbound={hunt.outbound} store={bench.store} onOpenRow={openRow} />
      )}
      {tab === 'findings' && (
        <FindingsView
          hunt={hunt}
          store={bench.store}
          onOpenRow={openRow}
          bookmarks={bench.bookmarks}
        />
      )}
      {tab === 'export' && (
        <ExportView
          exports={hunt.exports}
          rows={bench.view.value.length}
          columns={bench.columns.value}
          findings={hunt.result.value?.findings.length}
        />
      )}
    </section>
  );
}
