/**
 * A Sigma finding's rule: its title, level, id, file, tags (the ATT&CK techniques first) and
 * the fields the rule names as the first matching event has them. All of it comes from the rule
 * file or the event, so it is set as text only, controls and direction marks shown as escapes.
 */
import type { SigmaDetail } from '@evtxhunt/hunt';

import { visibleText } from '../visible-text.js';

/** The rule behind the open finding. */
export function SigmaFields({ sigma }: { readonly sigma: SigmaDetail }) {
  const fields = Object.entries(sigma.fields);
  return (
    <section class="sigma-detail" aria-label="Sigma rule">
      <h3>Sigma rule</h3>
      <dl class="fields finding-fields">
        <Pair label="Title" value={sigma.title} />
        <Pair label="Level" value={sigma.level} />
        <Pair label="Rule id" value={sigma.id} />
        <Pair label="Rule file" value={sigma.file} />
        {sigma.techniques.length > 0 && <Pair label="ATT&CK" value={sigma.techniques} />}
        {sigma.tags.length > 0 && <Pair label="Tags" value={sigma.tags} />}
      </dl>
      {fields.length > 0 && (
        <>
          <h3>Matched fields</h3>
          <dl class="fields sigma-matched" aria-label="Matched fields">
            {fields.map(([name, value]) => (
              <Pair key={name} label={name} value={value} />
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function Pair({ label, value }: { label: string; value: string | readonly string[] }) {
  return (
    <>
      <dt>{visibleText(label)}</dt>
      <dd>
        {typeof value === 'string'
          ? visibleText(value)
          : value.map((item, at) => (
              <code class="list-value" key={at}>
                {visibleText(item)}
              </code>
            ))}
      </dd>
    </>
  );
}
