/**
 * A zip archive given as an input: its exports (XML, JSON, CSV members) are read together as
 * one input under the archive's name, and each EVTX member as an input of its own, named
 * `archive.zip:member.evtx`, unpacked for the parser (in memory when small, else to a
 * temporary file: unpacked-source.ts).
 */
import {
  nodeGunzip,
  nodeInflateRaw,
  openZipFile,
  readZipFileRecordBatches,
  sniffZipMembers,
  zipEntryBytes,
  type SniffedMember,
} from '@evtxhunt/formats/node';

import type { ExportReader } from './foreign-input.js';
import { unpackedSource, type UnpackedSource } from './unpacked-source.js';

/** How the archive's inputs are read: the exports as one, each EVTX member from its source. */
export interface ArchiveReading {
  readExports(reader: ExportReader): Promise<number>;
  readEvtx(name: string, open: () => Promise<UnpackedSource>): Promise<number>;
  /** The worse of two exit statuses. */
  worst(a: number, b: number): number;
}

/** Reads the zip archive at `path` as its inputs; resolves to the worst exit status. */
export async function readArchive(path: string, reading: ArchiveReading): Promise<number> {
  const zip = await openZipFile(path);
  try {
    const members = await sniffZipMembers(zip, nodeInflateRaw, { file: path, gunzip: nodeGunzip });
    const evtx = members.filter((member) => member.format === 'evtx');
    // Members of no known format are reported by the export read, so it runs for them too.
    let status = 0;
    if (evtx.length < members.length || members.length === 0) {
      status = await reading.readExports(exportsOnly);
    }
    for (const member of evtx) {
      const name = `${path}:${member.entry.name}`;
      const open = () => unpackedSource(memberBytes(zip, member, path), name);
      status = reading.worst(status, await reading.readEvtx(name, open));
    }
    return status;
  } finally {
    await zip.close();
  }
}

/** The archive's exports; its EVTX members are read as inputs of their own. */
const exportsOnly: ExportReader = (path, options) =>
  readZipFileRecordBatches(path, { ...options, readEvtx: async function* () {} });

function memberBytes(
  zip: Parameters<typeof zipEntryBytes>[0],
  member: SniffedMember,
  path: string,
) {
  const bytes = zipEntryBytes(zip, member.entry, nodeInflateRaw, path);
  return member.gzipped ? nodeGunzip(bytes) : bytes;
}
