/**
 * The details of one event: what the event means, every System and EventData field with its
 * value, a copy button and its meaning, then the record's XML read again from the file by a
 * worker. The pane sits beside the table and does not trap focus: it takes focus when it
 * opens, Esc or Close hands it back to the table, and Tab moves on through the page.
 * Every value is rendered as text, never as markup.
 */
import type { EventDoc } from '@evtxhunt/hunt';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { columnLabel } from '../../i18n/columns.js';
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import { eventBookmarkKey, type Bookmarks } from '../../session/bookmarks.js';
import { eventRef, eventStarrable } from '../../session/bookmarks-open.js';
import type { EventStore } from '../../store/event-store.js';
import { NoteEditor, StarButton } from '../bookmarks/star-button.js';
import type { DataFrame } from '../../store/frame.js';
import { NoClipboardError, copyToClipboard, type CopyText } from './clipboard.js';
import { eventDetails, type DetailField } from './event-details.js';
import { FieldList } from './field-list.js';

export interface DetailsPaneProps {
  readonly store: EventStore;
  /** The table's frame, for times in the zone the table shows; the store when absent. */
  readonly frame?: DataFrame | undefined;
  readonly row: number;
  readonly readXml: (row: number) => Promise<string>;
  readonly onClose: () => void;
  /** Shows the events of the process run with this ProcessGuid. */
  readonly onShowProcess?: ((processGuid: string) => void) | undefined;
  readonly copyText?: CopyText | undefined;
  /** The page's bookmarks; without them the pane has no star. */
  readonly bookmarks?: Bookmarks | undefined;
}

type XmlState =
  { readonly kind: 'loading' } | { readonly kind: 'ready' | 'failed'; readonly text: string };

const LOADING: XmlState = { kind: 'loading' };

/** The details pane. */
export function DetailsPane(props: DetailsPaneProps) {
  const { store, frame, row, readXml, onClose, onShowProcess } = props;
  const tr = useI18n();
  const { t } = tr;
  const details = useMemo(() => eventDetails(store, row, frame), [store, frame, row]);
  const xml = useXml(row, readXml, tr);
  const [notice, copy] = useCopy(props.copyText ?? copyToClipboard, row, tr);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row]);

  const guid = details.processGuid;
  const bookmarks = props.bookmarks;
  const starKey = useMemo(() => eventBookmarkKey(eventRef(store, row)), [store, row]);
  const copyField = (field: DetailField) => copy(field.value, field.label);
  return (
    <aside class="details" aria-labelledby="details-heading">
      <div class="details-head">
        <h2 id="details-heading" tabIndex={-1} ref={heading}>
          {t(details.recovered ? 'details.headingRecovered' : 'details.heading', {
            eventId: String(details.eventId),
            recordId: String(details.recordId),
          })}
        </h2>
        {bookmarks !== undefined && (
          <StarButton
            bookmarks={bookmarks}
            bookmarkKey={starKey}
            starrable={() => eventStarrable(store, row)}
            what={t('details.thisEvent')}
          />
        )}
        <button type="button" onClick={onClose} aria-label={t('details.closeLabel')}>
          {t('details.close')}
        </button>
        <p class="details-notice" role="status">
          {notice}
        </p>
      </div>
      {bookmarks !== undefined && (
        <NoteEditor bookmarks={bookmarks} bookmarkKey={starKey} label={t('details.note')} />
      )}
      {details.recovered && <p class="details-recovered">{t('events.recoveredTitle')}</p>}
      <EventMeaning doc={details.doc} provider={details.provider} eventId={details.eventId} />
      <FieldList
        key={`s${row}`}
        label={t('details.system')}
        fields={details.system.map((field) => ({ ...field, label: columnLabel(tr, field) }))}
        onCopy={copyField}
      />
      <FieldList
        key={`d${row}`}
        label={t('details.data')}
        fields={details.data}
        onCopy={copyField}
        onShowProcess={guid === undefined ? undefined : () => onShowProcess?.(guid)}
      />
      <div class="details-xml-head">
        <h3>{t('details.xml')}</h3>
        <button
          type="button"
          class="copy"
          disabled={xml.kind !== 'ready'}
          onClick={() => xml.kind === 'ready' && copy(xml.text)}
        >
          {t('details.copyXml')}
        </button>
      </div>
      <pre class="details-xml" aria-live="polite" aria-busy={xml.kind === 'loading'}>
        {xml.kind === 'loading' ? t('details.readingXml') : xml.text}
      </pre>
    </aside>
  );
}

interface EventMeaningProps {
  readonly doc: EventDoc | undefined;
  readonly provider: string;
  readonly eventId: number;
}

/** What the event means, at the top of the pane. */
function EventMeaning({ doc, provider, eventId }: EventMeaningProps) {
  const { t } = useI18n();
  if (doc === undefined) {
    return (
      <p class="details-event details-event-none">
        {t('details.noDoc', { eventId: String(eventId), provider })}
      </p>
    );
  }
  // TODO: the event's title and summary are the engine's (packages/hunt), in English only.
  return (
    <section class="details-event" aria-label={t('details.meaning')}>
      <p class="details-event-title">{doc.title}</p>
      <p>{doc.summary}</p>
    </section>
  );
}

/**
 * The last copy's outcome as a sentence, and a function that copies `text`: the value of the
 * field labelled `field`, or the XML when no field is named.
 */
function useCopy(
  copyText: CopyText,
  row: number,
  tr: Translator,
): [string, (text: string, field?: string) => void] {
  const [notice, setNotice] = useState('');
  useEffect(() => setNotice(''), [row]);

  const copy = (text: string, field?: string) => {
    copyText(text).then(
      () =>
        setNotice(
          field === undefined ? tr.t('details.copiedXml') : tr.t('details.copiedValue', { field }),
        ),
      (error: unknown) =>
        setNotice(
          field === undefined
            ? tr.t('details.copyXmlFailed', { reason: reason(error, tr) })
            : tr.t('details.copyValueFailed', { field, reason: reason(error, tr) }),
        ),
    );
  };
  return [notice, copy];
}

function reason(error: unknown, tr: Translator): string {
  if (error instanceof NoClipboardError) return tr.t('details.noClipboard');
  return error instanceof Error ? error.message : String(error);
}

/** Reads the XML once per row: the page re-renders while files load, and must not re-read it. */
function useXml(row: number, readXml: (row: number) => Promise<string>, tr: Translator): XmlState {
  // The row the state belongs to: on the first render for a new row the effect has not run
  // yet, and the last row's XML must not show (nor the pane say it is done) in its place.
  const [state, setState] = useState<{ row: number; xml: XmlState }>({ row, xml: LOADING });
  const reader = useRef(readXml);
  reader.current = readXml;
  useEffect(() => {
    let current = true;
    setState({ row, xml: LOADING });
    reader.current(row).then(
      (text) => current && setState({ row, xml: { kind: 'ready', text } }),
      (error: unknown) =>
        current &&
        setState({
          row,
          xml: { kind: 'failed', text: tr.t('details.xmlFailed', { reason: String(error) }) },
        }),
    );
    return () => {
      current = false;
    };
  }, [row]);
  return state.row === row ? state.xml : LOADING;
}
