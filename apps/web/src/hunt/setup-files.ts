/**
 * The two files that set a hunt up, read in the page: a Sysmon configuration (its blind spots
 * come from HuntEngine's coverage section) and an allowlist of known-good activity. Both are
 * size-checked before they are read, and every failure names the file.
 */
import {
  decodeConfigText,
  ALLOWLIST_TEXT_LIMIT,
  HuntEngine,
  defaultKnowledge,
  parseAllowlist,
  parseSysmonConfig,
  type Allowlist,
  type CoverageSection,
  type SysmonConfig,
} from '@evtxhunt/hunt';

/** Largest configuration read, in bytes, as the CLI allows; those in use are below 400 KB. */
export const CONFIG_MAX_BYTES = 16 * 1024 * 1024;

/** Largest allowlist file read, in bytes: four UTF-8 bytes for each character allowed. */
export const ALLOWLIST_MAX_BYTES = 4 * ALLOWLIST_TEXT_LIMIT;

/** A configuration read, with what it leaves unlogged. */
export interface LoadedConfig {
  readonly name: string;
  readonly config: SysmonConfig;
  readonly coverage: CoverageSection;
}

/** An allowlist read. */
export interface LoadedAllowlist {
  readonly name: string;
  readonly allowlist: Allowlist;
}

/**
 * Reads a Sysmon configuration and its coverage section. TODO: parsing runs on the page's
 * thread; a configuration of several megabytes (none in use is) holds the page for a moment.
 */
export async function readSysmonConfig(file: Blob, name: string): Promise<LoadedConfig> {
  checkSize(file, name, CONFIG_MAX_BYTES, 'Sysmon configuration');
  const config = parseSysmonConfig(
    decodeConfigText(new Uint8Array(await file.arrayBuffer())),
    name,
  );
  // The coverage section of a configuration depends on the configuration alone, so an engine
  // that has read no record gives the same section as the full hunt.
  const engine = new HuntEngine({ knowledge: defaultKnowledge(), config });
  const coverage = engine.report().coverage;
  if (coverage === undefined) throw new Error(`Sysmon configuration ${name}: no coverage section`);
  return { name, config, coverage };
}

/** Reads an allowlist; throws AllowlistError naming the line of the first bad rule. */
export async function readAllowlist(file: Blob, name: string): Promise<LoadedAllowlist> {
  checkSize(file, name, ALLOWLIST_MAX_BYTES, 'allowlist');
  return { name, allowlist: parseAllowlist(await file.text(), name) };
}

function checkSize(file: Blob, name: string, limit: number, what: string): void {
  if (file.size <= limit) return;
  throw new Error(`Cannot read ${what} ${name}: ${file.size} bytes is over the limit of ${limit}`);
}
