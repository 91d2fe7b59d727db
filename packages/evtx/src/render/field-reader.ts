/**
 * Reads several named fields of a record in one pass through its template's plan, decoding
 * only the values that fill them: for a consumer that needs a few fields of every event (the
 * hunt reads 7 to 17 of Sysmon's 20-odd), building the whole structured record costs more than
 * its own work. A pick is compiled once; each plan it meets is turned, once, into the list of
 * steps that can fill one of its fields. The values equal toStructured()'s; a record whose
 * template (or EventData value) has no plan, or holds what a plan cannot mirror, is built whole
 * and its fields copied.
 */
import { isNodes, type TemplateRecord, type ValueTable } from '../binxml/template-record.js';
import type { FieldValue, StructuredRecord } from '../types.js';
import { ARRAY_FLAG } from '../values/types.js';
import type { FieldStep, PlanAttribute, SectionsStep, StructuredPlan } from './plan.js';
import { sectionsPlan, type PlanRunner } from './planned.js';
import { emptyRecord, readSystemField } from './structured.js';

/** The System facts a pick can read: those of the plain record the hunt engine takes. */
export type SystemFact =
  'recordId' | 'timeCreated' | 'eventId' | 'provider' | 'channel' | 'computer';

/** The System element each fact is read from. */
const FACT_ELEMENTS: Readonly<Record<SystemFact, string>> = {
  recordId: 'EventRecordID',
  timeCreated: 'TimeCreated',
  eventId: 'EventID',
  provider: 'Provider',
  channel: 'Channel',
  computer: 'Computer',
};

export interface FieldPickOptions {
  /** System facts to read as well (none by default). */
  readonly system?: readonly SystemFact[];
}

/**
 * One step of a plan the pick runs: a field step and where its text goes (a data slot, or the
 * System facts: -1), or a substitution among the sections. One shape for both keeps the loop
 * over them monomorphic.
 */
interface PickOp {
  readonly field: FieldStep | undefined;
  readonly slot: number;
  readonly sections: SectionsStep | undefined;
}

/**
 * The steps of one plan a pick runs, in document order; null when the plan has a shape the
 * reader leaves to toStructured().
 */
type PickProgram = readonly PickOp[] | null;

/** Which fields to read; made once by compileFieldPick and used for any number of records. */
export class FieldPick {
  /** Data (EventData/UserData) fields by name, in the order their values come out. */
  readonly names: readonly string[];
  readonly system: readonly SystemFact[];
  /** Which facts `system` holds, as flags (read per record). */
  readonly facts: Readonly<Record<SystemFact, boolean>>;
  readonly #slots = new Map<string, number>();
  readonly #elements: ReadonlySet<string>;
  /** Per plan met, the steps this pick runs of it. */
  readonly #programs = new WeakMap<StructuredPlan, PickProgram>();

  constructor(names: readonly string[], system: readonly SystemFact[]) {
    this.names = [...names];
    this.system = [...system];
    for (const [slot, name] of this.names.entries()) {
      if (this.#slots.has(name))
        throw new RangeError(`field pick: ${JSON.stringify(name)} named twice`);
      this.#slots.set(name, slot);
    }
    this.#elements = new Set(this.system.map((fact) => FACT_ELEMENTS[fact]));
    const has = (fact: SystemFact) => this.system.includes(fact);
    this.facts = {
      recordId: has('recordId'),
      timeCreated: has('timeCreated'),
      eventId: has('eventId'),
      provider: has('provider'),
      channel: has('channel'),
      computer: has('computer'),
    };
  }

  /** A reusable output for this pick. */
  output(): PickedFields {
    return new PickedFields(this.names.length);
  }

  /** The steps of `plan` this pick runs, worked out on first use. */
  program(plan: StructuredPlan): PickProgram {
    let program = this.#programs.get(plan);
    if (program === undefined) {
      program = this.#compile(plan);
      this.#programs.set(plan, program);
    }
    return program;
  }

  #compile(plan: StructuredPlan): PickProgram {
    const ops: PickOp[] = [];
    for (const step of plan.steps) {
      // TODO: UserData-like leaves and containers (a leaf can hold a BinXml value that becomes
      // many fields) are left to toStructured(); no event the hunt routes is written that way.
      if (step.kind === 'container' || (step.kind === 'field' && step.section === 'leaf')) {
        return null;
      }
      if (step.kind === 'sections') ops.push({ field: undefined, slot: -1, sections: step });
      else if (step.section === 'system' && this.#elements.has(step.element)) {
        ops.push({ field: factStep(step), slot: -1, sections: undefined });
      } else if (step.section === 'data' && this.#slots.has(step.name)) {
        const slot = this.#slots.get(step.name)!;
        ops.push({ field: withAttributes(step, NO_ATTRIBUTES), slot, sections: undefined });
      }
    }
    return ops;
  }
}

const NO_ATTRIBUTES: readonly PlanAttribute[] = [];

/** The attributes a System element's facts come from (readSystemField reads others too). */
const FACT_ATTRIBUTES: Readonly<Record<string, string>> = {
  Provider: 'Name',
  TimeCreated: 'SystemTime',
};

/**
 * A System step reading only the attributes its fact comes from: which copies it makes, and
 * their text, depend on its content alone, so the rest (a provider's Guid, EventID's
 * Qualifiers) need not be decoded.
 */
function factStep(step: FieldStep): FieldStep {
  const kept = step.attributes.filter((a) => a.name === FACT_ATTRIBUTES[step.element]);
  return withAttributes(step, kept);
}

/**
 * The step with only `kept` of its attributes read. A data field's attributes are never read:
 * its name was worked out with the plan, and a pick keeps no issues.
 */
function withAttributes(step: FieldStep, kept: readonly PlanAttribute[]): FieldStep {
  if (kept.length === step.attributes.length) return step;

  const [first] = step.parts;
  const isSingle = step.parts.length === 1 && first!.index >= 0 && kept.length === 0;
  return {
    ...step,
    attributes: kept,
    attributeNames: kept.map((attribute) => attribute.name),
    single: isSingle ? first : undefined,
  };
}

/**
 * Compiles a pick of data fields by name (Sysmon's `Image`, `DestinationIp`, ...) and, with
 * `system`, some of the record's System facts. A name given twice is a RangeError.
 */
export function compileFieldPick(
  names: readonly string[],
  options: FieldPickOptions = {},
): FieldPick {
  return new FieldPick(names, options.system ?? []);
}

/**
 * What a pick read of one record, reused from record to record. `data[i]` is the field
 * `names[i]`, as toStructured().data gives it: a string, every value in order when the name
 * repeats, undefined when the record has none. Facts not asked for keep their defaults.
 */
export class PickedFields {
  readonly data: Array<FieldValue | undefined>;
  recordId = '';
  timeCreated: string | undefined = undefined;
  eventId = 0;
  provider = '';
  channel = '';
  computer = '';
  /** Where the System fields are read, as toStructured() reads them. */
  readonly #system: StructuredRecord = emptyRecord({ file: '', recordId: '', writtenTime: '' });
  /** Problems readSystemField reports (not kept: a pick gives values only). */
  readonly #late: string[] = [];

  constructor(size: number) {
    this.data = new Array<FieldValue | undefined>(size).fill(undefined);
  }

  /** Clears the values of the last record; the System facts start from their defaults. */
  reset(): void {
    this.data.fill(undefined);
    this.recordId = '';
    this.timeCreated = undefined;
    this.eventId = 0;
    this.provider = '';
    this.channel = '';
    this.computer = '';
    const system = this.#system;
    system.recordId = '';
    system.timeCreated = undefined;
    system.eventId = 0;
    system.provider = '';
    system.channel = '';
    system.computer = '';
  }

  /** Adds one copy of a field, as toStructured's collector does: a repeated name gathers all. */
  add(slot: number, text: string): void {
    const existing = this.data[slot];
    if (existing === undefined) this.data[slot] = text;
    else if (typeof existing === 'string') this.data[slot] = [existing, text];
    else (existing as string[]).push(text);
  }

  /** One copy of a System element read. */
  readSystem(element: string, text: string, runner: PlanRunner): void {
    readSystemField(element, text, runner, this.#system, this.#late);
    this.#late.length = 0;
  }

  /** Copies the facts asked for from where the System fields were read. */
  takeSystem(facts: FieldPick['facts']): void {
    this.copyFacts(this.#system, facts);
  }

  /** Copies the facts asked for from a record. */
  copyFacts(record: StructuredRecord, facts: FieldPick['facts']): void {
    if (facts.recordId) this.recordId = record.recordId;
    if (facts.timeCreated) this.timeCreated = record.timeCreated;
    if (facts.eventId) this.eventId = record.eventId;
    if (facts.provider) this.provider = record.provider;
    if (facts.channel) this.channel = record.channel;
    if (facts.computer) this.computer = record.computer;
  }
}

/**
 * Reads the pick over a record of a planned template; false when some part of it has no plan
 * the reader runs, and the caller must read the record whole. A `recordId` asked for is left
 * '' when the System has no decimal EventRecordID: the record header's id then stands.
 */
export function readPlanned(
  runner: PlanRunner,
  body: TemplateRecord,
  plan: StructuredPlan,
  pick: FieldPick,
  out: PickedFields,
): boolean {
  const program = pick.program(plan);
  if (program === null) return false;

  out.reset();
  const table = runner.begin(body);
  if (!runProgram(runner, table, program, pick, out)) return false;
  out.takeSystem(pick.facts);
  return true;
}

/** Fills `out` from a whole structured record. */
export function pickFromStructured(
  record: StructuredRecord,
  pick: FieldPick,
  out: PickedFields,
): void {
  out.reset();
  const { data } = record;
  for (const [slot, name] of pick.names.entries()) {
    out.data[slot] = Object.hasOwn(data, name) ? data[name] : undefined;
  }
  out.copyFacts(record, pick.facts);
}

function runProgram(
  runner: PlanRunner,
  table: ValueTable,
  program: NonNullable<PickProgram>,
  pick: FieldPick,
  out: PickedFields,
): boolean {
  for (let at = 0; at < program.length; at++) {
    const { field, slot, sections } = program[at]!;
    if (field === undefined) {
      if (!runSections(runner, table, sections!, pick, out)) return false;
      continue;
    }
    const copies = runner.readField(field);
    const texts = runner.fieldTexts;
    for (let i = 0; i < copies; i++) {
      if (slot >= 0) out.add(slot, texts[i]!);
      else out.readSystem(field.element, texts[i]!, runner);
    }
  }
  return true;
}

/**
 * A substitution among the sections: a BinXml value (EventData, as Windows writes Sysmon's) is
 * read with its own plan; other values make no field. An array value in `Event` would repeat
 * the whole event, which only the tree path mirrors.
 */
function runSections(
  runner: PlanRunner,
  table: ValueTable,
  step: SectionsStep,
  pick: FieldPick,
  out: PickedFields,
): boolean {
  if (step.index >= table.count) return true;
  const body = table.nested(step.index);
  if (body === undefined) return !(step.inEvent && (table.type(step.index) & ARRAY_FLAG) !== 0);
  if (isNodes(body)) return false;

  const plan = sectionsPlan(body);
  const program = plan === undefined ? null : pick.program(plan);
  if (program === null) return false;
  // Nothing asked for is in it (the System facts alone, of an EventData value).
  if (program.length === 0) return true;
  const nested = runner.enter(body);
  const done = runProgram(runner, nested, program, pick, out);
  runner.leave();
  return done;
}
