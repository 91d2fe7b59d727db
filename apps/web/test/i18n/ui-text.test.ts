/**
 * A lint over the page's source: every text the page shows must come from the catalogue. It
 * reads each file under src/ui with the TypeScript parser and reports JSX text, text
 * attributes (title, aria-label, placeholder, label, ...) and string literals that read as a
 * sentence. ALLOWED holds the few texts that are not words of ours (the brand, `UTC`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

import { REPO } from '../support/paths.js';

const UI = join(REPO, 'apps/web/src/ui');

/** Texts that are no words of ours: the product's name, the zone's name. */
const ALLOWED = new Set(['evtxhunt', 'UTC']);

/**
 * Files of field documentation, English in every language like the engine's own (see the TODO
 * in each), and the clipboard's error, which the details pane replaces with the catalogue's.
 */
const ALLOWED_FILES = new Set(['details/system-meanings.ts', 'details/clipboard.ts']);

/** Attributes whose value a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'label',
  'alt',
  'what',
]);

/** Two words of letters with a space between: a phrase, not a key or a class name. */
const PHRASE = /\p{L}{2,}[^\S\n]+\p{L}{2,}/u;
const LETTER = /\p{L}/u;

/** One text found in a file, where it is. */
interface Found {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !ALLOWED_FILES.has(name))
    .map((name) => join(dir, name))
    .sort();
}

/** The text a literal holds: a template's fixed parts joined with a space. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return undefined;
}

/** The JSX attribute a node sits under, if any, through conditionals and parentheses. */
function owningAttribute(node: ts.Node): string | undefined {
  for (let at = node.parent; at !== undefined; at = at.parent) {
    if (ts.isJsxAttribute(at)) return at.name.getText();
    if (ts.isJsxElement(at) || ts.isJsxSelfClosingElement(at) || ts.isCallExpression(at)) {
      return undefined;
    }
    if (ts.isArrowFunction(at) || ts.isFunctionDeclaration(at)) return undefined;
  }
  return undefined;
}

/** True when a literal is shown as it is: a JSX child, or a branch of a conditional that is. */
function shownDirectly(node: ts.Node): boolean {
  let at: ts.Node = node;
  while (
    ts.isConditionalExpression(at.parent) ||
    ts.isParenthesizedExpression(at.parent) ||
    (ts.isBinaryExpression(at.parent) &&
      [
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.PlusToken,
      ].includes(at.parent.operatorToken.kind))
  ) {
    if (ts.isConditionalExpression(at.parent) && at.parent.condition === at) return false;
    at = at.parent;
  }
  // An attribute's expression is read by its attribute's rule instead.
  return ts.isJsxExpression(at.parent) && !ts.isJsxAttribute(at.parent.parent);
}

/** Every text in `file` that should have come from the catalogue. */
function bareTexts(file: string): Found[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Found[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.trim();
    if (ALLOWED.has(trimmed)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ file: relative(REPO, file), line, text: trimmed });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    const text = literalText(node);
    if (text !== undefined) {
      const attribute = owningAttribute(node);
      if (attribute === 'class') return;
      const asText = attribute !== undefined && TEXT_ATTRIBUTES.has(attribute);
      if ((asText || shownDirectly(node)) && LETTER.test(text)) report(node, text);
      else if (PHRASE.test(text)) report(node, text);
      if (ts.isTemplateExpression(node))
        node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no file under src/ui shows a text of ours that is not from the catalogue', () => {
  const found = sourceFiles(UI).flatMap(bareTexts);

  assert.deepEqual(
    found.map(({ file, line, text }) => `${file}:${line}: ${text}`),
    [],
  );
});

test('the lint finds a bare sentence in JSX text, in a title and in a shown literal', () => {
  const dir = join(REPO, 'apps/web/dist/test-lint-sample');
  const sample = join(dir, 'sample.tsx');
  ts.sys.createDirectory(dir);
  ts.sys.writeFile(
    sample,
    [
      'export const A = () => <p title="Close it">Hello there</p>;',
      "export const B = (x: boolean) => <p class=\"two words\">{x ? 'Waiting' : t('k')}</p>;",
      "export const C = 'a sentence of prose';",
      "export const D = (x: string) => x === 'ready' ? <b>{t('key.name')}</b> : null;",
    ].join('\n'),
  );

  assert.deepEqual(
    bareTexts(sample).map(({ line, text }) => `${line}: ${text}`),
    ['1: Close it', '1: Hello there', '2: Waiting', '3: a sentence of prose'],
  );
});
