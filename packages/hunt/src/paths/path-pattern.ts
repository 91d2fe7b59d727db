/**
 * Folder patterns for the knowledge tables, written like normalised paths:
 * `?:\users\*\appdata\local\temp`. `?:` is any drive (including a volume without a letter, a
 * rooted path and an admin share `\\host\c$`); `*` alone is any one folder; `*` inside a name is
 * any run of characters (`framework*`). Literal names also match their 8.3 short names.
 *
 * TODO: a name with `*` in it (`program files*`) does not match 8.3 short names (`progra~2`),
 * because the short name's stem cannot be checked against a wildcard.
 */
import { parseWindowsPath, SOME_VOLUME, type WindowsPath } from './windows-path.js';
import { segmentCouldBe } from './short-name.js';

/** A compiled folder pattern. */
export interface PathPattern {
  /** The pattern as written in the table. */
  readonly text: string;
  readonly root: string;
  readonly segments: readonly PatternSegment[];
}

/** One folder name of a pattern; `glob` is set when the name holds a `*`. */
export interface PatternSegment {
  readonly name: string;
  readonly glob: RegExp | undefined;
}

const ADMIN_SHARE = /^\\\\[^\\]+\\[a-z]\$$/;

/** Compiles a pattern; throws when it does not start at a drive (`?:\` or `c:\`) or a share. */
export function compilePathPattern(text: string): PathPattern {
  const path = parseWindowsPath(text);
  if (path.root === '' || path.root === '\\') {
    throw new Error(`Cannot compile path pattern ${JSON.stringify(text)}: expected ?:\\ or c:\\`);
  }
  return { text, root: path.root, segments: path.segments.map(compileSegment) };
}

/** True when the path is the pattern's folder or anything below it. */
export function isPathUnder(path: WindowsPath, pattern: PathPattern): boolean {
  return path.segments.length >= pattern.segments.length && prefixMatches(path, pattern);
}

/** True when the path is a file or folder directly inside the pattern's folder. */
export function isPathDirectlyIn(path: WindowsPath, pattern: PathPattern): boolean {
  return path.segments.length === pattern.segments.length + 1 && prefixMatches(path, pattern);
}

/**
 * Orders patterns most specific first: more folders, then more literal (non-`*`) names, so
 * `?:\users\public` comes before `?:\users\*`.
 */
export function bySpecificity(a: PathPattern, b: PathPattern): number {
  return b.segments.length - a.segments.length || literalCount(b) - literalCount(a);
}

function literalCount(pattern: PathPattern): number {
  return pattern.segments.filter((segment) => segment.glob === undefined).length;
}

function prefixMatches(path: WindowsPath, pattern: PathPattern): boolean {
  if (!rootMatches(path.root, pattern.root)) return false;

  return pattern.segments.every((wanted, index) => {
    const segment = path.segments[index];
    return segment !== undefined && segmentMatches(segment, wanted, index === 0);
  });
}

function rootMatches(root: string, wanted: string): boolean {
  if (wanted !== SOME_VOLUME) return root === wanted;
  return /^[a-z?]:$/.test(root) || root === '\\' || ADMIN_SHARE.test(root);
}

function segmentMatches(segment: string, wanted: PatternSegment, atDriveRoot: boolean): boolean {
  if (wanted.glob !== undefined) return wanted.glob.test(segment);
  return segmentCouldBe(segment, wanted.name, atDriveRoot);
}

function compileSegment(name: string): PatternSegment {
  if (!name.includes('*')) return { name, glob: undefined };

  const parts = name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { name, glob: new RegExp(`^${parts.join('.*')}$`) };
}
