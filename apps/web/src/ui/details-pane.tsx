/**
 * The details of one event: every field, then its XML read again from the file by a worker.
 * A placeholder for now: field meanings and cell actions come with later work.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import type { EventStore } from '../store/event-store.js';

export interface DetailsPaneProps {
  readonly store: EventStore;
  readonly row: number;
  readonly readXml: (row: number) => Promise<string>;
  readonly onClose: () => void;
}

type XmlState =
  { readonly kind: 'loading' } | { readonly kind: 'ready' | 'failed'; readonly text: string };

/** The details pane. */
export function DetailsPane({ store, row, readXml, onClose }: DetailsPaneProps) {
  const xml = useXml(row, readXml);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row]);

  const record = store.record(row);
  const system: [string, string][] = [
    ['Time (UTC)', record.timeCreated ?? ''],
    ['Source', record.file ?? ''],
    ['Record ID', record.recordId],
    ['Event ID', String(record.eventId)],
    ['Level', store.cell(row, 'level') ?? ''],
    ['Provider', record.provider],
    ['Channel', record.channel],
    ['Computer', record.computer],
  ];
  const data = Object.entries(record.data).map(([name, value]): [string, string] => [
    name,
    typeof value === 'string' ? value : value.join('\n'),
  ]);

  return (
    <aside class="details" aria-labelledby="details-heading">
      <div class="details-head">
        <h2 id="details-heading" tabIndex={-1} ref={heading}>
          {`Event ${record.eventId} · record ${record.recordId}`}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close details">
          Close
        </button>
      </div>
      <FieldList label="System fields" fields={system} />
      <FieldList label="Event data" fields={data} />
      <h3>XML</h3>
      <pre class="details-xml" aria-live="polite" aria-busy={xml.kind === 'loading'}>
        {xml.kind === 'loading' ? 'Reading the record from the file…' : xml.text}
      </pre>
    </aside>
  );
}

function FieldList({ label, fields }: { label: string; fields: readonly [string, string][] }) {
  return (
    <section aria-label={label}>
      <h3>{label}</h3>
      <dl class="fields">
        {fields.map(([name, value]) => [
          <dt key={`n-${name}`}>{name}</dt>,
          <dd key={`v-${name}`}>{value}</dd>,
        ])}
      </dl>
    </section>
  );
}

function useXml(row: number, readXml: (row: number) => Promise<string>): XmlState {
  const [state, setState] = useState<XmlState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    readXml(row).then(
      (text) => current && setState({ kind: 'ready', text }),
      (error: unknown) =>
        current && setState({ kind: 'failed', text: `Could not read the XML: ${String(error)}` }),
    );
    return () => {
      current = false;
    };
  }, [row, readXml]);
  return state;
}
