/**
 * One Sysmon event as the generator builds it (event ID, computer, time, fields by name) and
 * its conversion into a record for the EVTX writer: the System values in Windows' order and the
 * EventData fragment in the event's schema order.
 */
import {
  filetimeFromMs,
  type EventRecordInput,
  type Template,
  type WriterValue,
} from '@evtxhunt/evtx/writer';

import {
  SYSMON_CHANNEL,
  SYSMON_PROVIDER,
  SYSMON_PROVIDER_GUID,
  systemTemplate,
  type EventSchema,
} from './templates.js';

/** A field value before it is typed by the schema. */
export type FieldInput = string | number | bigint | boolean;

export interface SysmonEvent {
  readonly eventId: number;
  readonly computer: string;
  /** Epoch milliseconds (may carry a fraction, kept as FILETIME ticks). */
  readonly timeMs: number;
  readonly fields: Readonly<Record<string, FieldInput>>;
}

/** Sysmon's own process, which Windows names in Execution/@ProcessID. */
const SYSMON_PID = 3148;
const KEYWORDS = 0x8000000000000000n;

/** Turns events into writer records, caching each computer's System template. */
export class SysmonEncoder {
  readonly #systems = new Map<string, Template>();

  constructor(private readonly schemas: ReadonlyMap<number, EventSchema>) {}

  /** The record for `event`, numbered `recordId` (its EventRecordID). */
  record(event: SysmonEvent, recordId: bigint, threadId: number): EventRecordInput {
    const schema = this.schemas.get(event.eventId);
    if (schema === undefined) throw new RangeError(`No Sysmon schema for event ${event.eventId}`);
    const ticks = filetimeFromMs(event.timeMs, Math.floor((event.timeMs % 1) * 10000));
    const data = { template: schema.template, values: dataValues(schema, event.fields) };

    const values: WriterValue[] = [
      { type: 'uint8', value: 4 },
      { type: 'uint8', value: 0 },
      { type: 'uint16', value: event.eventId },
      { type: 'uint16', value: event.eventId },
      { type: 'null' },
      { type: 'hexint64', value: KEYWORDS },
      { type: 'filetime', value: ticks },
      { type: 'null' },
      { type: 'uint32', value: SYSMON_PID },
      { type: 'uint32', value: threadId },
      { type: 'uint64', value: recordId },
      { type: 'uint8', value: schema.version },
      { type: 'sid', value: 'S-1-5-18' },
      { type: 'null' },
      { type: 'string', value: SYSMON_PROVIDER },
      { type: 'guid', value: SYSMON_PROVIDER_GUID },
      { type: 'string', value: SYSMON_CHANNEL },
      { type: 'binxml', value: data },
    ];
    return { writtenTime: ticks, event: { template: this.#system(event.computer), values } };
  }

  #system(computer: string): Template {
    const known = this.#systems.get(computer);
    if (known !== undefined) return known;
    const template = systemTemplate(computer);
    this.#systems.set(computer, template);
    return template;
  }
}

/** The EventData values in schema order; a missing field is written as `-`, as Sysmon does. */
function dataValues(schema: EventSchema, fields: SysmonEvent['fields']): WriterValue[] {
  return schema.fields.map(([name, type]) => typed(type, fields[name] ?? '-', name));
}

function typed(type: WriterValue['type'], input: FieldInput, name: string): WriterValue {
  switch (type) {
    case 'string':
      return { type, value: String(input) };
    case 'guid':
      return { type, value: String(input) };
    case 'bool':
      return { type, value: input === true };
    case 'uint16':
    case 'uint32':
    case 'hexint32':
      return { type, value: Number(input) };
    case 'hexint64':
      return { type, value: BigInt(input) };
    default:
      throw new RangeError(`Sysmon field ${name} has unsupported type ${type}`);
  }
}

/** Sysmon's UtcTime text: `2024-01-01 12:00:00.123`. */
export function utcTime(timeMs: number): string {
  return new Date(Math.floor(timeMs)).toISOString().replace('T', ' ').slice(0, 23);
}
