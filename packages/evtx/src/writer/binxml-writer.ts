/**
 * Writes BinXml into a chunk the way Windows does: a fragment holding one template instance;
 * the template's definition inline the first time the chunk meets its GUID and referenced by
 * offset afterwards; every element and attribute name inline once per chunk and referenced after.
 */
import { MORE_FLAG, Token } from '../binxml/tokens.js';
import type { ChunkBuffer } from './chunk-buffer.js';
import { STRING_BUCKETS, TEMPLATE_BUCKETS } from './chunk-buffer.js';
import {
  dependencyId,
  type Template,
  type TemplateElement,
  type TemplateNode,
  type TemplateSubstitution,
  type TemplateText,
} from './template.js';
import {
  TYPE_CODES,
  guidToBytes,
  sidToBytes,
  type TemplateInstance,
  type WriterValue,
} from './values.js';

/** The 16-bit hash Windows keeps beside each name: h = h * 65599 + code unit, low 16 bits. */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

/** The fixed parts of a template: its GUID bytes and the 32-bit id Windows writes before it. */
interface TemplateKey {
  readonly guid: string;
  readonly bytes: Uint8Array;
  readonly id: number;
}

/** Writes record fragments into the current chunk, sharing its name and template caches. */
export class BinXmlWriter {
  readonly #keys = new Map<Template, TemplateKey>();

  /** The chunk being written; the chunk writer points it at each new chunk. */
  constructor(public out: ChunkBuffer) {}

  /** Fragment header, the template instance, end of fragment. */
  fragment(instance: TemplateInstance): void {
    this.out.u8(Token.FragmentHeader);
    this.out.u8(1);
    this.out.u8(1);
    this.out.u8(0);
    this.#instance(instance);
    this.out.u8(Token.EndOfFragment);
  }

  #instance({ template, values }: TemplateInstance): void {
    const key = this.#key(template);
    this.out.u8(Token.TemplateInstance);
    this.out.u8(1);
    this.out.u32(key.id);

    const known = this.out.templates.get(key.guid);
    if (known === undefined) this.#definition(template, key);
    else this.out.u32(known);
    this.#values(values);
  }

  #key(template: Template): TemplateKey {
    const cached = this.#keys.get(template);
    if (cached !== undefined) return cached;
    const bytes = guidToBytes(template.guid);
    const id = new DataView(bytes.buffer).getUint32(0, true);
    const guid = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    const key = { guid, bytes, id };
    this.#keys.set(template, key);
    return key;
  }

  /** Definition offset, then next-in-bucket, GUID, body size and the body itself. */
  #definition(template: Template, key: TemplateKey): void {
    const { out } = this;
    const at = out.pos + 4;
    // TODO: Windows' own bucket choice for the template pointer table is not documented; no
    // reader found uses the table to find templates, so the id's low bits are used.
    const bucket = key.id % TEMPLATE_BUCKETS;
    out.u32(at);
    out.u32(out.templateTable[bucket]!);
    out.raw(key.bytes);
    const sizeAt = out.take(4);
    out.addTemplate(key.guid, at, bucket);

    out.u8(Token.FragmentHeader);
    out.u8(1);
    out.u8(1);
    out.u8(0);
    this.#element(template.root);
    out.u8(Token.EndOfFragment);
    out.view.setUint32(sizeAt, out.pos - sizeAt - 4, true);
  }

  #element(node: TemplateElement): void {
    const { out } = this;
    const hasAttributes = node.attributes.length > 0;
    out.u8(hasAttributes ? Token.OpenStartElement | MORE_FLAG : Token.OpenStartElement);
    out.u16(dependencyId(node));
    const sizeAt = out.take(4);
    this.#name(node.name);
    if (hasAttributes) this.#attributes(node);

    if (node.children.length === 0) {
      out.u8(Token.CloseEmptyElement);
    } else {
      out.u8(Token.CloseStartElement);
      for (const child of node.children) this.#node(child);
      out.u8(Token.EndElement);
    }
    out.view.setUint32(sizeAt, out.pos - sizeAt - 4, true);
  }

  #attributes(node: TemplateElement): void {
    const { out } = this;
    const sizeAt = out.take(4);
    node.attributes.forEach((attribute, i) => {
      const more = i < node.attributes.length - 1 ? MORE_FLAG : 0;
      out.u8(Token.Attribute | more);
      this.#name(attribute.name);
      this.#node(attribute.value);
    });
    out.view.setUint32(sizeAt, out.pos - sizeAt - 4, true);
  }

  #node(node: TemplateNode): void {
    if (node.kind === 'element') this.#element(node);
    else if (node.kind === 'text') this.#text(node);
    else this.#substitution(node);
  }

  #text(node: TemplateText): void {
    this.out.u8(Token.Value);
    this.out.u8(TYPE_CODES.string);
    this.out.u16(node.text.length);
    this.out.utf16(node.text);
  }

  #substitution(node: TemplateSubstitution): void {
    this.out.u8(node.optional ? Token.OptionalSubstitution : Token.NormalSubstitution);
    this.out.u16(node.index);
    this.out.u8(TYPE_CODES[node.type]);
  }

  /** A name's chunk offset; the name itself follows inline the first time the chunk sees it. */
  #name(name: string): void {
    const { out } = this;
    const known = out.names.get(name);
    if (known !== undefined) {
      out.u32(known);
      return;
    }
    const at = out.pos + 4;
    const hash = nameHash(name);
    const bucket = hash % STRING_BUCKETS;
    out.u32(at);
    out.u32(out.stringTable[bucket]!);
    out.u16(hash);
    out.u16(name.length);
    out.utf16(name);
    out.u16(0);
    out.addName(name, at, bucket);
  }

  /** The value table: count, (size, type, 0) descriptors, then each value's bytes. */
  #values(values: readonly WriterValue[]): void {
    const { out } = this;
    out.u32(values.length);
    const descriptors = out.take(4 * values.length);
    values.forEach((value, i) => {
      const start = out.pos;
      this.#value(value);
      const size = out.pos - start;
      if (size > 0xffff) {
        throw new RangeError(`Cannot write value ${i}: ${size} bytes, a value holds 65535`);
      }
      out.view.setUint16(descriptors + 4 * i, size, true);
      out.bytes[descriptors + 4 * i + 2] = TYPE_CODES[value.type];
    });
  }

  #value(value: WriterValue): void {
    const { out } = this;
    switch (value.type) {
      case 'null':
        return;
      case 'string':
        return out.utf16(value.value);
      case 'ansi':
        return out.raw(Uint8Array.from(value.value, (c) => c.charCodeAt(0) & 0xff));
      case 'binary':
        return out.raw(value.value);
      case 'guid':
        return out.raw(guidToBytes(value.value));
      case 'sid':
        return out.raw(sidToBytes(value.value));
      case 'binxml':
        return this.fragment(value.value);
      case 'bool':
        return out.u32(value.value ? 1 : 0);
      case 'systime':
        return this.#systemTime(value.value);
      default:
        return this.#number(value);
    }
  }

  #number(value: WriterValue): void {
    const { out } = this;
    const { view } = out;
    switch (value.type) {
      case 'int8':
      case 'uint8':
        return view.setUint8(out.take(1), value.value & 0xff);
      case 'int16':
      case 'uint16':
        return view.setUint16(out.take(2), value.value & 0xffff, true);
      case 'int32':
      case 'uint32':
      case 'hexint32':
        return view.setUint32(out.take(4), value.value >>> 0, true);
      case 'real32':
        return view.setFloat32(out.take(4), value.value, true);
      case 'real64':
        return view.setFloat64(out.take(8), value.value, true);
      case 'int64':
      case 'uint64':
      case 'hexint64':
      case 'filetime':
        return out.u64(value.value);
      default:
        throw new RangeError(`Cannot write a value of type ${value.type}`);
    }
  }

  #systemTime(date: Date): void {
    const fields = [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDay(),
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ];
    for (const field of fields) this.out.u16(field);
  }
}
