/**
 * A Sigma finding's rule: its title, level, id, file, tags (the ATT&CK techniques first) and
 * the fields the rule names as the first matching event has them. All of it comes from the rule
 * file or the event, so it is set as text only, controls and direction marks shown as escapes.
 */
import type { SigmaDetail } from '@evtxhunt/hunt';

import { useI18n } from '../../i18n/context.js';
import { visibleText } from '../visible-text.js';

/** The rule behind the open finding. */
export function SigmaFields({ sigma }: { readonly sigma: SigmaDetail }) {
  const { t } = useI18n();
  const fields = Object.entries(sigma.fields);
  return (
    <section class="sigma-detail" aria-label={t('sigma.rule')}>
      <h3>{t('sigma.rule')}</h3>
      <dl class="fields finding-fields">
        <Pair label={t('sigma.title')} value={sigma.title} />
        <Pair label={t('sigma.level')} value={sigma.level} />
        <Pair label={t('sigma.id')} value={sigma.id} />
        <Pair label={t('sigma.file')} value={sigma.file} />
        {sigma.techniques.length > 0 && <Pair label={t('sigma.attack')} value={sigma.techniques} />}
        {sigma.tags.length > 0 && <Pair label={t('sigma.tags')} value={sigma.tags} />}
      </dl>
      {fields.length > 0 && (
        <>
          <h3>{t('sigma.matchedFields')}</h3>
          <dl class="fields sigma-matched" aria-label={t('sigma.matchedFields')}>
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
