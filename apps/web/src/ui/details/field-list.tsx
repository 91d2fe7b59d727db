/**
 * One group of fields in the details pane: each name, its value as text, a copy button, and what
 * the field means in short, with the full meaning a click away; a value the workbench can decode (a
 * logon type, a status code, an access mask, ...) shows what it stands for beside it. The
 * ProcessGuid of a Sysmon event also gets "Show this process's events".
 */
import type { DecodedValue } from '@evtxhunt/hunt';
import { useState } from 'preact/hooks';

import type { DetailField } from './event-details.js';
import { useI18n } from '../../i18n/context.js';
import { meaningLead } from './meaning.js';
import { visibleText } from '../visible-text.js';

export interface FieldListProps {
  readonly label: string;
  readonly fields: readonly DetailField[];
  readonly onCopy: (field: DetailField) => void;
  /** Set for a Sysmon event with a ProcessGuid: shows that process's events. */
  readonly onShowProcess?: (() => void) | undefined;
}

/** A heading and a description list of fields. */
export function FieldList({ label, fields, onCopy, onShowProcess }: FieldListProps) {
  const { t } = useI18n();
  return (
    <section aria-label={label}>
      <h3>{label}</h3>
      <dl class="fields">
        {fields.map((field) => (
          <div class="field" key={field.key}>
            <dt>{visibleText(field.label)}</dt>
            <dd>
              <FieldValue field={field} onCopy={onCopy} />
              {field.decoded !== undefined && <Decoded decoded={field.decoded} />}
              {field.meaning !== undefined && <Meaning label={field.label} text={field.meaning} />}
              {field.key === 'ProcessGuid' && onShowProcess !== undefined && (
                <button type="button" class="field-action" onClick={onShowProcess}>
                  {t('details.showProcess')}
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FieldValue({ field, onCopy }: { field: DetailField; onCopy: (f: DetailField) => void }) {
  const { t } = useI18n();
  return (
    <div class="field-line">
      {field.value === '' ? (
        <span class="field-value field-empty">{t('details.empty')}</span>
      ) : (
        <span class="field-value">{visibleText(field.value)}</span>
      )}
      <button
        type="button"
        class="copy"
        aria-label={t('details.copyLabel', { field: field.label })}
        title={t('details.copyTitle', { field: field.label })}
        onClick={() => onCopy(field)}
      >
        {t('details.copy')}
      </button>
    </div>
  );
}

/**
 * What the raw value stands for, beside it: one line, or a list when it has several parts
 * (flags, hashes). Text only; the raw value above stays what is copied, searched and exported.
 */
function Decoded({ decoded }: { decoded: DecodedValue }) {
  const { t } = useI18n();
  // TODO: what a value means (a logon type's name, a status code's text) is the engine's
  // decoding (packages/hunt), in English only.
  if (decoded.parts.length === 0) {
    return (
      <p class="field-decoded">
        <span class="field-decoded-mark">{`${t('details.means')} `}</span>
        {visibleText(decoded.text)}
      </p>
    );
  }
  return (
    <div class="field-decoded">
      <span class="field-decoded-mark">{t('details.means')}</span>
      <ul>
        {decoded.parts.map((part, i) => (
          <li key={i}>{visibleText(part)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The meaning's first sentence, and a button for the rest when there is more. */
function Meaning({ label, text }: { label: string; text: string }) {
  const { t } = useI18n();
  const [full, setFull] = useState(false);
  const { lead, hasMore } = meaningLead(text);
  return (
    <p class="field-meaning">
      {full ? text : lead}
      {hasMore && (
        <button
          type="button"
          class="more"
          aria-expanded={full}
          aria-label={t(full ? 'details.lessAbout' : 'details.moreAbout', { field: label })}
          onClick={() => setFull(!full)}
        >
          {t(full ? 'details.less' : 'details.more')}
        </button>
      )}
    </p>
  );
}
