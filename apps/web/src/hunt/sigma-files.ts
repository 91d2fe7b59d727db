/**
 * The rule files the page picked, read in the hunt worker: each `.yml`/`.yaml` file as it is,
 * each `.zip` opened and its `.yml`/`.yaml` members read (`rules.zip:windows/x.yml`). Every
 * count and size is held to a named limit, as the CLI's --rules folder is.
 */
import {
  collectBytes,
  webInflateRaw,
  zipEntries,
  zipEntryBytes,
  type RandomAccess,
} from '@evtxhunt/formats';
import { isSigmaText, type RuleFailure, type RuleSource } from '@evtxhunt/sigma';

/** A file the page picked: its name (the folder path under the picked folder) and its bytes. */
export interface RuleFile {
  readonly name: string;
  readonly blob: Blob;
}

/** Rule files read from one pick at most, zip members included (the CLI's limit). */
export const RULE_FILE_LIMIT = 100_000;

/** Largest rule file read: public rules are a few KiB; past this a file is not a rule. */
export const RULE_BYTES_LIMIT = 1024 * 1024;

/**
 * The rule texts of the files; the rule files that could not be read, with the reason; the
 * .yml/.yaml files that are not Sigma rules (no title, detection or correlation: the rule
 * set's regression `info.yml` files); the archives that are not zips; and how many
 * .yml/.yaml files there were in all.
 */
export interface ReadRules {
  readonly sources: RuleSource[];
  readonly failures: RuleFailure[];
  readonly notRules: string[];
  readonly unreadArchives: RuleFailure[];
  yamlFiles: number;
}

/** True for the names read as rules. */
export function isRuleName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Reads every rule of the files; a file or member that cannot be read is a failure. */
export async function readRuleFiles(files: readonly RuleFile[]): Promise<ReadRules> {
  const read: ReadRules = {
    sources: [],
    failures: [],
    notRules: [],
    unreadArchives: [],
    yamlFiles: 0,
  };
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) await readZip(file, read);
    else if (isRuleName(file.name)) await readOne(file.name, file.blob, read);
    if (read.sources.length > RULE_FILE_LIMIT) {
      throw new RangeError(`refusing the rules: over ${RULE_FILE_LIMIT} rule files`);
    }
  }
  return read;
}

async function readOne(name: string, blob: Blob, read: ReadRules): Promise<void> {
  read.yamlFiles++;
  if (blob.size > RULE_BYTES_LIMIT) {
    read.failures.push({ file: name, reason: `over ${RULE_BYTES_LIMIT} bytes: not read` });
    return;
  }
  keep(name, decode(new Uint8Array(await blob.arrayBuffer())), read);
}

/** A rule's text kept for compiling, or its file counted as not a rule. */
function keep(file: string, text: string, read: ReadRules): void {
  if (isSigmaText(text)) read.sources.push({ file, text });
  else read.notRules.push(file);
}

async function readZip(file: RuleFile, read: ReadRules): Promise<void> {
  const source = blobAccess(file.blob);
  try {
    const entries = (await zipEntries(source, file.name)).filter((entry) => isRuleName(entry.name));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    read.yamlFiles += entries.length;
    for (const entry of entries) {
      const name = `${file.name}:${entry.name}`;
      const chunks = zipEntryBytes(source, entry, webInflateRaw, file.name);
      const limit = { maxBytes: RULE_BYTES_LIMIT, file: file.name, structure: name };
      try {
        keep(name, decode(await collectBytes(chunks, limit)), read);
      } catch (error) {
        read.failures.push({ file: name, reason: messageOf(error) });
      }
    }
  } catch (error) {
    read.unreadArchives.push({ file: file.name, reason: withoutName(error, file.name) });
  }
}

/** An error's message, the file name it starts with (a FormatError's) left out. */
function withoutName(error: unknown, name: string): string {
  const message = messageOf(error);
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

/** UTF-8 text, a BOM dropped; bytes that are not UTF-8 become U+FFFD. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function blobAccess(blob: Blob): RandomAccess {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
