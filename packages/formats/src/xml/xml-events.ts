/**
 * Reading `<Event>` elements out of XML text in pieces: one event, an `<Events>` document
 * (Event Viewer's "Save as XML"), or a bare run of events (`wevtutil qe /f:xml`). Each event is
 * built as a small element tree, bounded in depth and size, and handed on when it closes.
 */
import { TextPosition, type TextEncodingName } from '../text.js';
import type { FormatDiagnostic } from '../types.js';
import { nextToken, type XmlProblem, type XmlToken } from './xml-tokens.js';

/** An element of an event: its local name, attributes, direct text and child elements. */
export interface EventElement {
  readonly name: string;
  readonly attributes: Map<string, string>;
  text: string;
  readonly children: EventElement[];
}

/** One `<Event>` element and where it starts in the input. */
export interface XmlEvent {
  readonly element: EventElement;
  readonly offset: number;
  readonly line: number;
  /** True when RECOVERED_COMMENT came right before the event. */
  readonly recovered: boolean;
}

/**
 * The comment `dump --format xml` writes right before a recovered record's `<Event>` (one no
 * chunk header vouched for): the record is read back as recovered, not as a live one.
 */
export const RECOVERED_COMMENT = '<!-- evtxhunt: recovered record, not a live one -->';
const RECOVERED_COMMENT_TEXT = RECOVERED_COMMENT.slice(4, -3);

/** Deepest nesting inside an event; Windows' events nest a few levels. */
export const MAX_XML_DEPTH = 64;
/** Longest event accepted, in characters; a longer one is reported and skipped. */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;

/** Every `<Event>` element of the text, in order; problems go to `report`. */
export async function* xmlEvents(
  pieces: AsyncIterable<string>,
  encoding: { name: TextEncodingName; bom: number },
  report: (diagnostic: FormatDiagnostic) => void,
): AsyncGenerator<XmlEvent> {
  const reader = new EventReader(new TextPosition(encoding.name, encoding.bom), report);
  for await (const piece of pieces) yield* reader.push(piece, false);
  yield* reader.push('', true);
}

class EventReader {
  private buffer = '';
  private at = 0;
  /** Open elements of the event being read; empty between events. */
  private stack: EventElement[] = [];
  private eventStart = { offset: 0, line: 1, recovered: false };
  /** Whether the last markup between events was RECOVERED_COMMENT. */
  private recoveredNext = false;
  /** Characters of the current event so far. */
  private eventChars = 0;
  /** Why the current event is being skipped, or undefined. */
  private broken: string | undefined;
  /** Depth inside a skipped event, to find where it ends. */
  private skippedDepth = 0;

  constructor(
    private readonly position: TextPosition,
    private readonly report: (diagnostic: FormatDiagnostic) => void,
  ) {}

  *push(piece: string, final: boolean): Generator<XmlEvent> {
    this.buffer = this.buffer.slice(this.at) + piece;
    this.at = 0;
    for (;;) {
      const next =
        this.at < this.buffer.length ? nextToken(this.buffer, this.at, final) : undefined;
      if (next === undefined) break;
      if (this.stack.length > 0) this.eventChars += next.end - this.at;
      const event = next.token === undefined ? undefined : this.take(next.token);
      this.position.advance(this.buffer, this.at, next.end);
      this.at = next.end;
      if (event) yield event;
    }
    if (this.stack.length > 0 && this.eventChars + this.buffer.length > MAX_EVENT_CHARS) {
      this.skip(`event longer than ${MAX_EVENT_CHARS} characters`);
    }
    if (this.buffer.length - this.at > MAX_EVENT_CHARS) this.dropUnfinished();
    if (final && this.stack.length > 0) this.problem('event cut off at the end of the input');
  }

  private take(token: XmlToken | XmlProblem): XmlEvent | undefined {
    switch (token.kind) {
      case 'open':
        return this.open(token);
      case 'close':
        return this.close(token.name);
      case 'text':
        if (token.layout !== true) this.addText(token.text);
        return undefined;
      case 'comment':
        // A comment inside an event is no mark: event text cannot hold one unescaped.
        if (this.stack.length === 0) this.recoveredNext = token.text === RECOVERED_COMMENT_TEXT;
        return undefined;
      case 'problem':
        this.problem(token.message);
        return undefined;
    }
  }

  private open(token: Extract<XmlToken, { kind: 'open' }>): XmlEvent | undefined {
    if (this.stack.length === 0 && token.name !== 'Event') {
      this.recoveredNext = false;
      return undefined;
    }
    if (this.stack.length === 0) this.startEvent();
    if (this.broken !== undefined) {
      if (!token.selfClosing) this.skippedDepth++;
      return undefined;
    }

    const element: EventElement = {
      name: token.name,
      attributes: token.attributes,
      text: '',
      children: [],
    };
    this.stack[this.stack.length - 1]?.children.push(element);
    if (this.stack.length >= MAX_XML_DEPTH)
      this.skip(`elements nested deeper than ${MAX_XML_DEPTH}`, 1);
    else this.stack.push(element);
    return token.selfClosing ? this.close(token.name) : undefined;
  }

  private startEvent(): void {
    this.eventStart = { ...this.position.at(), recovered: this.recoveredNext };
    this.recoveredNext = false;
    this.eventChars = 0;
    this.broken = undefined;
  }

  private close(name: string): XmlEvent | undefined {
    if (this.broken !== undefined) return this.closeSkipped();
    const index = this.stack.map((element) => element.name).lastIndexOf(name);
    // An end tag that matches no open element is ignored; one that skips some closes them.
    if (index < 0) return undefined;
    const [root] = this.stack;
    this.stack.length = index;
    if (index > 0 || root === undefined) return undefined;
    return { element: root, ...this.eventStart };
  }

  private closeSkipped(): undefined {
    if (--this.skippedDepth > 0) return undefined;
    const { offset, line } = this.eventStart;
    const message = `skipped: ${this.broken}`;
    this.report({ severity: 'error', structure: 'xml event', offset, line, message });
    this.broken = undefined;
    this.stack = [];
    return undefined;
  }

  private addText(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && this.broken === undefined) top.text += text;
  }

  /** Drops the event being read: its remaining elements are counted, not kept. */
  private skip(reason: string, opened = 0): void {
    if (this.broken !== undefined) return;
    this.broken = reason;
    this.skippedDepth = this.stack.length + opened;
    this.stack = [this.stack[0] as EventElement];
    for (const element of this.stack) element.children.length = 0;
  }

  /**
   * One token (a text or a tag) longer than an event may be: what is held of it is dropped
   * so memory stays bounded, and reading picks up at the next markup.
   */
  private dropUnfinished(): void {
    const message = `markup or text longer than ${MAX_EVENT_CHARS} characters dropped`;
    this.report({ severity: 'error', structure: 'xml', ...this.position.at(), message });
    this.position.advance(this.buffer, this.at, this.buffer.length);
    this.at = this.buffer.length;
  }

  private problem(message: string): void {
    const { offset, line } = this.stack.length > 0 ? this.eventStart : this.position.at();
    const where = { offset, line };
    this.report({ severity: 'error', structure: 'xml event', ...where, message });
    if (this.stack.length > 0 && message.includes('cut off')) this.stack = [];
  }
}
