/**
 * Reading a Sysmon configuration file from disk: the one place the CLI touches the file. Sysmon
 * accepts UTF-8 (with or without a byte-order mark) and UTF-16; so does this.
 */
import { stat, readFile } from 'node:fs/promises';

import { SysmonConfigError, parseSysmonConfig, type SysmonConfig } from '@evtxhunt/hunt';

import { InputError } from './errors.js';
import { describeError } from './inputs.js';

/** Largest configuration file read, in bytes; the configurations in use are below 400 KB. */
export const CONFIG_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Reads and parses the configuration at `path`. Throws the file system's error for a file that
 * cannot be read, an Error for one over CONFIG_MAX_BYTES, and SysmonConfigError for bad XML.
 */
export async function readConfigFile(path: string): Promise<SysmonConfig> {
  const { size } = await stat(path);
  if (size > CONFIG_MAX_BYTES) {
    throw new Error(`configuration of ${size} bytes is over the limit of ${CONFIG_MAX_BYTES}`);
  }

  const bytes = await readFile(path);
  return parseSysmonConfig(decodeConfigText(bytes), path);
}

/**
 * Reads and parses the configuration at `path` for a command; throws InputError saying once
 * which file could not be read and why.
 */
export async function loadConfigFile(path: string): Promise<SysmonConfig> {
  try {
    return await readConfigFile(path);
  } catch (error) {
    // A SysmonConfigError names the file already; a file system error names only the reason.
    if (error instanceof SysmonConfigError) throw new InputError(error.message);
    throw new InputError(`cannot read Sysmon configuration ${path}: ${describeError(error)}`);
  }
}

/**
 * The text of a configuration file: UTF-16 when it starts with a UTF-16 byte-order mark or
 * when its second byte is zero (an ASCII first character in UTF-16LE, as Sysmon checks),
 * otherwise UTF-8. A byte-order mark is dropped; bytes that are not valid become U+FFFD.
 */
export function decodeConfigText(bytes: Uint8Array): string {
  // TODO: an encoding named in the XML declaration other than UTF-8 or UTF-16 (such as
  // ISO-8859-1, which Sysmon accepts) is not honoured; such a file is read as UTF-8.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);

  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes.length > 1 && bytes[1] === 0);
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
}
