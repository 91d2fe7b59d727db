/**
 * Reading a Sysmon configuration file from disk: the one place the CLI touches the file. Sysmon
 * accepts UTF-8 (with or without a byte-order mark) and UTF-16; so does this.
 */
import { stat, readFile } from 'node:fs/promises';

import {
  SysmonConfigError,
  decodeConfigText,
  parseSysmonConfig,
  type SysmonConfig,
} from '@evtxhunt/hunt';

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
