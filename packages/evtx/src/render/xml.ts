/** Renders an element tree as one line of XML, the way Windows' EvtRender writes events. */
import type { XmlNode } from './tree.js';

/** Serialises nodes; text and attribute values are escaped so the output always parses. */
export function renderXml(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) out += renderNode(node);
  return out;
}

function renderNode(node: XmlNode): string {
  switch (node.kind) {
    case 'text':
      return escapeText(node.text);
    case 'entity':
      return `&${node.name};`;
    case 'charref':
      return `&#${node.code};`;
    case 'cdata':
      return `<![CDATA[${node.text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
    case 'pi':
      return `<?${node.target} ${node.data}?>`;
    default: {
      let open = `<${node.name}`;
      for (const [name, value] of node.attributes) open += ` ${name}='${escapeAttribute(value)}'`;
      if (node.empty && node.children.length === 0) return `${open}/>`;
      return `${open}>${renderXml(node.children)}</${node.name}>`;
    }
  }
}

// Control characters XML 1.0 cannot carry are written as numeric references (which XML 1.1
// readers accept), so the value stays visible instead of breaking the document.
const TEXT_CHARS = '&<>\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff';
const ATTRIBUTE_CHARS = '&<>\'"\\u0000-\\u001f\\ufffe\\uffff';
const TEXT_SPECIAL = new RegExp(`[${TEXT_CHARS}]`, 'g');
const ATTRIBUTE_SPECIAL = new RegExp(`[${ATTRIBUTE_CHARS}]`, 'g');

const NAMED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
};

function replacement(char: string): string {
  return NAMED[char] ?? `&#x${char.charCodeAt(0).toString(16)};`;
}

export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, replacement);
}

export function escapeAttribute(text: string): string {
  return text.replace(ATTRIBUTE_SPECIAL, replacement);
}
