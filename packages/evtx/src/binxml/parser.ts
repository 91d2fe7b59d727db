/**
 * Parses BinXml token streams into compiled nodes. Templates are compiled once per chunk and
 * cached by offset; a record's own parse reads only its template instance and value table.
 */
import { decodeUtf16 } from '../text.js';
import { renderGuid } from '../values/render.js';
import { ValueType } from '../values/types.js';
import type { ChunkContext, ChunkName } from './chunk-context.js';
import { elementNameField } from './element-name.js';
import type {
  AttributeNode,
  ContentNode,
  ElementNode,
  SubstitutionValue,
  TemplateDefinition,
  TemplateInstanceNode,
  ValuePart,
} from './nodes.js';
import { TemplateRecording } from './template-cache.js';
import type { RecordBody, TemplateRecord } from './template-record.js';
import { Limits, MORE_FLAG, Token, baseToken, overLimit, type LimitName } from './tokens.js';

/** Size of a template definition's header: next offset, GUID, data size. */
const TEMPLATE_HEADER_SIZE = 24;

export class BinXmlParser {
  private pos = 0;
  private end = 0;
  /** Set while a template is compiled: where its chunk offsets are, for the file's cache. */
  private recording: TemplateRecording | undefined;
  /** Template instances open now, one inside another (Limits.maxTemplateDepth). */
  private nesting = 0;

  constructor(private readonly chunk: ChunkContext) {}

  /** Parses the fragment in `[start, end)`; `inValue` marks a BinXml substitution value. */
  parseFragment(start: number, end: number, inValue = false, depth = 0): ContentNode[] {
    const saved = [this.pos, this.end] as const;
    this.pos = start;
    this.end = end;
    try {
      return this.parseContent(depth, inValue, true);
    } finally {
      [this.pos, this.end] = saved;
    }
  }

  /**
   * Reads a record body of the usual shape (a fragment header, one template instance and its
   * value table, then the end of the fragment) without a node per value: the record keeps
   * where its value table is. Undefined for any other shape, or when a bound check fails, so
   * that `parseFragment` reads it and reports the problem exactly as it always has. Errors
   * thrown here (from the template or a BinXml value) are the ones `parseFragment` throws.
   */
  readTemplateRecord(start: number, end: number, depth = 0): TemplateRecord | undefined {
    const bytes = this.chunk.bytes;
    const at = start + 4;
    // Over a limit, parseFragment reads it and reports the limit.
    if (this.nesting >= Limits.maxTemplateDepth || depth > Limits.maxElementDepth) return undefined;
    if (at + 10 > end || end > bytes.length) return undefined;
    if (baseToken(bytes[start]!) !== Token.FragmentHeader) return undefined;
    if (baseToken(bytes[at]!) !== Token.TemplateInstance) return undefined;

    const definitionOffset = this.chunk.view.getUint32(at + 6, true);
    const tableAt = this.valueTableOffset(at, definitionOffset);
    if (tableAt === undefined || !this.isPlainValueTable(tableAt, end)) return undefined;

    this.nesting++;
    try {
      const definition = this.templateAt(definitionOffset, depth);
      const count = this.chunk.view.getUint32(tableAt, true);
      const nested = this.nestedValues(tableAt, count, depth);
      return { definition, tableAt, count, nested };
    } finally {
      this.nesting--;
    }
  }

  /** Where the value table starts: after the definition when it is inline. */
  private valueTableOffset(at: number, definitionOffset: number): number | undefined {
    if (definitionOffset !== at + 10) return at + 10;
    if (definitionOffset + TEMPLATE_HEADER_SIZE > this.chunk.bytes.length) return undefined;
    const size = this.chunk.view.getUint32(definitionOffset + 20, true);
    return definitionOffset + TEMPLATE_HEADER_SIZE + size;
  }

  /** True when the table and its values lie in the chunk and the fragment ends after them. */
  private isPlainValueTable(tableAt: number, end: number): boolean {
    const { bytes, view } = this.chunk;
    if (tableAt + 4 > bytes.length) return false;
    const count = view.getUint32(tableAt, true);
    let data = tableAt + 4 + 4 * count;
    if (count > Limits.maxSubstitutions || data > bytes.length) return false;

    for (let i = 0; i < count; i++) data += view.getUint16(tableAt + 4 + 4 * i, true);
    if (data > bytes.length) return false;
    return data >= end || baseToken(bytes[data]!) === Token.EndOfFragment;
  }

  /** BinXml values read now, as `parseFragment` does, so a bad one fails the record. */
  private nestedValues(tableAt: number, count: number, depth: number): TemplateRecord['nested'] {
    let nested: Array<RecordBody | undefined> | undefined;
    let data = tableAt + 4 + 4 * count;
    for (let i = 0; i < count; i++) {
      const size = this.chunk.view.getUint16(tableAt + 4 + 4 * i, true);
      const type = this.chunk.bytes[tableAt + 6 + 4 * i]!;
      if (type === ValueType.BinXml && size > 0) {
        // Sized once: grown from empty to a late index, it was reallocated on the way.
        nested ??= new Array<RecordBody | undefined>(count);
        nested[i] =
          this.readTemplateRecord(data, data + size, depth) ??
          this.parseFragment(data, data + size, true, depth);
      }
      data += size;
    }
    return nested;
  }

  /** Reads content tokens until an end-element token, the end of the fragment, or `end`. */
  private parseContent(depth: number, inValue: boolean, topLevel: boolean): ContentNode[] {
    if (depth > Limits.maxElementDepth) {
      this.failOver('maxElementDepth', `element depth ${depth}`);
    }
    const nodes: ContentNode[] = [];

    while (this.pos < this.end) {
      const byte = this.chunk.u8(this.pos);
      const token = baseToken(byte);
      if (token === Token.EndOfFragment) {
        this.pos++;
        if (!topLevel) continue;
        return nodes;
      }
      if (token === Token.EndElement) {
        if (topLevel) this.fail('end-element token outside any element');
        this.pos++;
        return nodes;
      }
      const node = this.parseContentToken(byte, depth, inValue);
      if (node) nodes.push(node);
    }
    if (!topLevel) this.fail('element not closed before the end of its data');
    return nodes;
  }

  /** One content token; undefined for a fragment header, which carries nothing. */
  private parseContentToken(
    byte: number,
    depth: number,
    inValue: boolean,
  ): ContentNode | undefined {
    switch (baseToken(byte)) {
      case Token.FragmentHeader:
        this.pos += 4;
        return undefined;
      case Token.OpenStartElement:
        return this.parseElement(byte, depth, inValue);
      case Token.TemplateInstance:
        return this.parseTemplateInstance(depth);
      case Token.PITarget:
        return this.parsePI();
      case Token.CData:
        this.pos++;
        return { kind: 'cdata', text: this.readCountedString() };
      default:
        return this.parseValuePart(byte);
    }
  }

  /** Value text, substitution, character or entity reference: the parts of a value. */
  private parseValuePart(byte: number): ValuePart {
    const at = this.pos;
    switch (baseToken(byte)) {
      case Token.Value: {
        const type = this.chunk.u8(at + 1);
        if (type !== ValueType.String) this.fail(`value token of type 0x${type.toString(16)}`);
        this.pos = at + 2;
        let issue: string | undefined;
        const text = this.readCountedString((message) => (issue = message));
        return issue === undefined ? { kind: 'text', text } : { kind: 'text', text, issue };
      }
      case Token.NormalSubstitution:
      case Token.OptionalSubstitution: {
        const index = this.chunk.u16(at + 1);
        const valueType = this.chunk.u8(at + 3);
        this.pos = at + 4;
        return {
          kind: 'substitution',
          index,
          valueType,
          optional: byte === Token.OptionalSubstitution,
        };
      }
      case Token.CharRef: {
        const code = this.chunk.u16(at + 1);
        this.pos = at + 3;
        return { kind: 'charref', code };
      }
      case Token.EntityRef: {
        const name = this.readNameField(at + 1, at + 5);
        return { kind: 'entity', name };
      }
      default:
        return this.fail(`unexpected token 0x${byte.toString(16)}`);
    }
  }

  private parseElement(byte: number, depth: number, inValue: boolean): ElementNode {
    const start = this.pos;
    const nameFieldAt = elementNameField(this.chunk, start, inValue);
    const { name, issue } = this.readNameEntry(nameFieldAt, nameFieldAt + 4, start);
    const nameIssue = issue === undefined ? {} : { nameIssue: issue };
    const attributes = byte & MORE_FLAG ? this.parseAttributeList() : [];

    const close = this.chunk.u8(this.pos);
    this.pos++;
    if (close === Token.CloseEmptyElement)
      return { kind: 'element', name, attributes, children: [], empty: true };
    if (close !== Token.CloseStartElement) {
      this.pos--;
      this.fail(`expected close of <${name}>, found token 0x${close.toString(16)}`);
    }
    const children = this.parseContent(depth + 1, inValue, false);
    return { kind: 'element', name, attributes, children, empty: false, ...nameIssue };
  }

  /** Reads a name offset at `field`; the name is inline when it points just past the field. */
  private readNameField(field: number, fieldEnd: number): string {
    return this.readNameEntry(field, fieldEnd).name;
  }

  /** `elementAt`: the element's token when the field is an element's name, else -1. */
  private readNameEntry(field: number, fieldEnd: number, elementAt = -1): ChunkName {
    const offset = this.chunk.u32(field);
    const entry = this.chunk.readName(offset);
    this.recording?.name(field, elementAt, offset === fieldEnd, entry);
    this.pos = offset === fieldEnd ? entry.end : fieldEnd;
    return entry;
  }

  private parseAttributeList(): AttributeNode[] {
    const size = this.chunk.u32(this.pos);
    const listEnd = this.pos + 4 + size;
    this.pos += 4;
    if (listEnd > this.end) this.fail(`attribute list of ${size} bytes overruns its fragment`);

    const attributes: AttributeNode[] = [];
    while (this.pos < listEnd) {
      const token = this.chunk.u8(this.pos);
      if (baseToken(token) !== Token.Attribute)
        this.fail(`expected an attribute, found 0x${token.toString(16)}`);
      const name = this.readNameField(this.pos + 1, this.pos + 5);
      attributes.push({ name, value: this.parseAttributeValue(listEnd) });
    }
    return attributes;
  }

  private parseAttributeValue(listEnd: number): ValuePart[] {
    const parts: ValuePart[] = [];
    while (this.pos < listEnd) {
      const byte = this.chunk.u8(this.pos);
      if (baseToken(byte) === Token.Attribute) break;
      parts.push(this.parseValuePart(byte));
    }
    return parts;
  }

  private parsePI(): ContentNode {
    const target = this.readNameField(this.pos + 1, this.pos + 5);
    const next = this.chunk.u8(this.pos);
    if (next !== Token.PIData)
      this.fail(`PI target not followed by PI data (0x${next.toString(16)})`);
    this.pos++;
    return { kind: 'pi', target, data: this.readCountedString() };
  }

  /** A 16-bit character count followed by UTF-16LE text. */
  private readCountedString(onIssue?: (message: string) => void): string {
    const count = this.chunk.u16(this.pos);
    this.chunk.need('binxml', this.pos + 2, 2 * count);
    const sink = onIssue && { issue: onIssue };
    const text = decodeUtf16(this.chunk.bytes, this.pos + 2, count, sink);
    this.pos += 2 + 2 * count;
    return text;
  }

  private parseTemplateInstance(depth: number): TemplateInstanceNode {
    if (this.nesting >= Limits.maxTemplateDepth) {
      this.failOver('maxTemplateDepth', `template nesting ${this.nesting + 1}`);
    }
    this.nesting++;
    try {
      return this.readTemplateInstance(depth);
    } finally {
      this.nesting--;
    }
  }

  private readTemplateInstance(depth: number): TemplateInstanceNode {
    const at = this.pos;
    const definitionOffset = this.chunk.u32(at + 6);
    this.pos = at + 10;
    // Inside a template's body, the instance's offset ties the template to this chunk.
    if (this.recording !== undefined) this.recording.reusable = false;

    const definition = this.templateAt(definitionOffset, depth);
    if (definitionOffset === at + 10) {
      this.pos = at + 10 + TEMPLATE_HEADER_SIZE + this.chunk.u32(definitionOffset + 20);
    }
    const values = this.parseValues(depth);
    return { kind: 'template', definition, values };
  }

  /**
   * The compiled template at a chunk offset: compiled on first use in the chunk, unless an
   * earlier chunk of the file compiled the same definition.
   */
  private templateAt(offset: number, depth: number): TemplateDefinition {
    const cached = this.chunk.templates.get(offset);
    if (cached) return cached;

    this.chunk.need('template definition', offset, TEMPLATE_HEADER_SIZE);
    const guid = renderGuid(this.chunk.bytes, offset + 4);
    const size = this.chunk.u32(offset + 20);
    this.chunk.need('template definition', offset + TEMPLATE_HEADER_SIZE, size);

    const fileCache = this.chunk.templateCache;
    const definition =
      fileCache?.find(this.chunk, offset, guid, depth) ?? this.compileTemplate(offset, guid, depth);
    this.chunk.templates.set(offset, definition);
    return definition;
  }

  private compileTemplate(offset: number, guid: string, depth: number): TemplateDefinition {
    const bodyStart = offset + TEMPLATE_HEADER_SIZE;
    const bodyEnd = bodyStart + this.chunk.u32(offset + 20);
    const saved = [this.pos, this.end, this.recording] as const;
    const recording = new TemplateRecording(offset);
    [this.pos, this.end, this.recording] = [bodyStart, bodyEnd, recording];
    try {
      const children = this.parseContent(depth, false, true);
      const definition = { offset, guid, children, plans: {} };
      // A body whose last token ran past its size depends on bytes the cache does not compare.
      if (this.pos <= bodyEnd)
        this.chunk.templateCache?.add(this.chunk, definition, depth, recording);
      return definition;
    } finally {
      [this.pos, this.end, this.recording] = saved;
    }
  }

  /** The value table of a template instance: count, descriptors, then the value bytes. */
  private parseValues(depth: number): SubstitutionValue[] {
    const count = this.chunk.u32(this.pos);
    if (count > Limits.maxSubstitutions) {
      this.failOver('maxSubstitutions', `${count} substitution values`);
    }
    this.chunk.need('substitution table', this.pos + 4, 4 * count);

    const values: SubstitutionValue[] = [];
    let data = this.pos + 4 + 4 * count;
    for (let i = 0; i < count; i++) {
      const size = this.chunk.view.getUint16(this.pos + 4 + 4 * i, true);
      const type = this.chunk.bytes[this.pos + 6 + 4 * i]!;
      this.chunk.need('substitution value', data, size);
      values.push(this.makeValue(type, data, size, depth));
      data += size;
    }
    this.pos = data;
    return values;
  }

  private makeValue(type: number, offset: number, size: number, depth: number): SubstitutionValue {
    if (type !== ValueType.BinXml || size === 0) return { type, offset, size };
    const nested = this.parseFragment(offset, offset + size, true, depth);
    return { type, offset, size, nested };
  }

  private fail(reason: string): never {
    return this.chunk.fail('binxml', this.pos, reason);
  }

  /** Fails for an input over `limit`, with the error that names it. */
  private failOver(limit: LimitName, found: string): never {
    return this.chunk.fail('binxml', this.pos, overLimit(limit, found), limit);
  }
}
