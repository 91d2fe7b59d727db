/**
 * Writes BinXml tokens the way Windows does, straight into a chunk buffer, so that every name
 * and template offset is a real chunk offset. Names and template definitions are written inline
 * the first time a chunk meets them and referenced by offset afterwards.
 */
import type { ByteWriter } from './byte-writer.js';
import type { Attribute, ElementNode, Fragment, Node, TemplateInstance } from './binxml.js';
import { guidBytes, ValueType, type TypedValue } from './values.js';

/** BinXml token bytes (libevtx "Token types"); `MORE` is the has-more-data flag. */
export const Token = {
  EOF: 0x00,
  OpenStartElement: 0x01,
  CloseStartElement: 0x02,
  CloseEmptyElement: 0x03,
  EndElement: 0x04,
  Value: 0x05,
  Attribute: 0x06,
  CDataSection: 0x07,
  CharRef: 0x08,
  EntityRef: 0x09,
  PITarget: 0x0a,
  PIData: 0x0b,
  TemplateInstance: 0x0c,
  NormalSubstitution: 0x0d,
  OptionalSubstitution: 0x0e,
  FragmentHeader: 0x0f,
  MORE: 0x40,
} as const;

/** The per-chunk caches: where each name and template definition was written. */
export interface ChunkTables {
  readonly names: Map<string, number>;
  readonly templates: Map<string, number>;
  /** 64 heads of the common string offset table (bucket = name hash % 64). */
  readonly stringTable: number[];
  /** 32 heads of the template pointer table (bucket = template id % 32). */
  readonly templateTable: number[];
}

/** An empty set of chunk caches. */
export function emptyTables(): ChunkTables {
  return {
    names: new Map(),
    templates: new Map(),
    stringTable: new Array<number>(64).fill(0),
    templateTable: new Array<number>(32).fill(0),
  };
}

/** The 16-bit name hash Windows stores beside each name (h = h * 65599 + unit). */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

export class BinXmlEncoder {
  constructor(
    private readonly w: ByteWriter,
    private readonly tables: ChunkTables,
  ) {}

  /** Fragment header, body, end-of-file token. Inside a 0x21 value, elements lack dependency ids. */
  fragment(body: Fragment, inValue = false): void {
    this.w.u8(Token.FragmentHeader).u8(1).u8(1).u8(0);
    if (body.kind === 'template') this.templateInstance(body);
    else this.element(body, !inValue);
    this.w.u8(Token.EOF);
  }

  private templateInstance(instance: TemplateInstance): void {
    const { guid, root } = instance.definition;
    const id = new DataView(guidBytes(guid).buffer).getUint32(0, true);
    this.w.u8(Token.TemplateInstance).u8(1).u32(id);
    const known = instance.definitionOffset ?? this.tables.templates.get(guid.toLowerCase());
    if (known !== undefined) this.w.u32(known);
    else this.templateDefinition(guid, id, root);
    this.values(instance.values);
  }

  private templateDefinition(guid: string, id: number, root: ElementNode): void {
    const at = this.w.length + 4;
    const bucket = id % 32;
    this.w
      .u32(at)
      .u32(this.tables.templateTable[bucket] ?? 0)
      .raw(guidBytes(guid));
    this.tables.templateTable[bucket] = at;
    this.tables.templates.set(guid.toLowerCase(), at);

    const sizeAt = this.w.length;
    this.w.u32(0).u8(Token.FragmentHeader).u8(1).u8(1).u8(0);
    this.element(root, true);
    this.w.u8(Token.EOF);
    this.w.patchU32(sizeAt, this.w.length - sizeAt - 4);
  }

  /** Substitution array: count, (size, type, 0) descriptors, then the value bytes. */
  private values(values: readonly TypedValue[]): void {
    this.w.u32(values.length);
    const descriptorsAt = this.w.length;
    for (const v of values) this.w.u16(0).u8(v.type).u8(0);
    values.forEach((v, i) => {
      const start = this.w.length;
      if ('fragment' in v) this.fragment(v.fragment, true);
      else this.w.raw(v.bytes);
      this.w.patchU16(descriptorsAt + i * 4, this.w.length - start);
    });
  }

  private element(node: ElementNode, withDependency: boolean): void {
    const hasAttributes = node.attributes.length > 0;
    this.w.u8(hasAttributes ? Token.OpenStartElement | Token.MORE : Token.OpenStartElement);
    if (withDependency) this.w.u16(node.dependencyId ?? 0xffff);
    const sizeAt = this.w.length;
    this.w.u32(0);
    this.nameRef(node.name, node.nameOffset);
    if (hasAttributes) this.attributes(node.attributes);

    if (node.children.length === 0) {
      this.w.u8(Token.CloseEmptyElement);
    } else {
      this.w.u8(Token.CloseStartElement);
      this.content(node.children);
      this.w.u8(Token.EndElement);
    }
    this.w.patchU32(sizeAt, this.w.length - sizeAt - 4);
  }

  private attributes(attributes: readonly Attribute[]): void {
    const sizeAt = this.w.length;
    this.w.u32(0);
    attributes.forEach((attribute, i) => {
      const more = i < attributes.length - 1 ? Token.MORE : 0;
      this.w.u8(Token.Attribute | more);
      this.nameRef(attribute.name, attribute.nameOffset);
      this.content(attribute.value);
    });
    this.w.patchU32(sizeAt, this.w.length - sizeAt - 4);
  }

  private content(nodes: readonly Node[]): void {
    nodes.forEach((node, i) => {
      const next = nodes[i + 1];
      const more = next && isTextLike(next) ? Token.MORE : 0;
      this.node(node, more);
    });
  }

  private node(node: Node, more: number): void {
    switch (node.kind) {
      case 'element':
        return this.element(node, true);
      case 'text':
        this.w.u8(Token.Value | more).u8(ValueType.String);
        this.w.u16(node.text.length).utf16(node.text);
        return;
      case 'substitution': {
        const token = node.optional ? Token.OptionalSubstitution : Token.NormalSubstitution;
        this.w.u8(token).u16(node.index).u8(node.type);
        return;
      }
      case 'charRef':
        this.w.u8(Token.CharRef | more).u16(node.code);
        return;
      case 'entityRef':
        this.w.u8(Token.EntityRef | more);
        return this.nameRef(node.name);
      case 'cdata':
        this.w.u8(Token.CDataSection).u16(node.text.length).utf16(node.text);
        return;
      case 'pi':
        this.w.u8(Token.PITarget);
        this.nameRef(node.target);
        this.w.u8(Token.PIData).u16(node.data.length).utf16(node.data);
        return;
      case 'raw':
        this.w.raw(node.bytes);
        return;
    }
  }

  /** A name offset; the name itself follows inline when this chunk has not seen it yet. */
  private nameRef(name: string, override?: number): void {
    if (override !== undefined) {
      this.w.u32(override);
      return;
    }
    const known = this.tables.names.get(name);
    if (known !== undefined) {
      this.w.u32(known);
      return;
    }
    const at = this.w.length + 4;
    const hash = nameHash(name);
    const bucket = hash % 64;
    this.w
      .u32(at)
      .u32(this.tables.stringTable[bucket] ?? 0)
      .u16(hash)
      .u16(name.length);
    this.w.utf16(name).u16(0);
    this.tables.stringTable[bucket] = at;
    this.tables.names.set(name, at);
  }
}

function isTextLike(node: Node): boolean {
  return node.kind === 'text' || node.kind === 'charRef' || node.kind === 'entityRef';
}
