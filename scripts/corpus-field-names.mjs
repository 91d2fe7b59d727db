// Extracts the event data field names that real logs carry, for the documentation tests of
// packages/hunt (test/docs). Runs the built CLI's `dump --format jsonl` over every .evtx of the
// shared corpus (/work/shared/samples/evtx, or $EVTXHUNT_SHARED/samples/evtx) and writes
// packages/hunt/test/docs/fixtures/corpus-fields.json: for each provider and Event ID of the
// providers the docs describe, every distinct ordered field list seen, with the Sysmon schema
// versions (from Event 4 in the same file) where known. Usage: npm run build, then
// `node scripts/corpus-field-names.mjs`.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = resolve(process.env.EVTXHUNT_SHARED ?? join(root, '..', 'shared'));
const corpus = join(shared, 'samples', 'evtx');
const output = join(root, 'packages/hunt/test/docs/fixtures/corpus-fields.json');
const main = join(root, 'packages/cli/dist/src/main.js');

const PROVIDERS = new Set([
  'Microsoft-Windows-Sysmon',
  'Microsoft-Windows-Security-Auditing',
  'Microsoft-Windows-Eventlog',
  'Service Control Manager',
  'Microsoft-Windows-PowerShell',
]);

function evtxFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.evtx'))
    .map((name) => join(dir, name))
    .sort();
}

async function recordsOf(file, onRecord) {
  const child = spawn(process.execPath, [main, 'dump', '--format', 'jsonl', file], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.length > 0) onRecord(JSON.parse(line));
  }
}

async function collect() {
  const events = new Map();
  for (const file of evtxFiles(corpus)) {
    const seen = [];
    const schemas = new Set();
    await recordsOf(file, (record) => {
      if (!PROVIDERS.has(record.provider)) return;
      if (record.provider === 'Microsoft-Windows-Sysmon' && record.eventId === 4) {
        if (typeof record.data.SchemaVersion === 'string') schemas.add(record.data.SchemaVersion);
      }
      seen.push({ key: `${record.provider}\t${record.eventId}`, fields: Object.keys(record.data) });
    });
    for (const { key, fields } of seen) add(events, key, fields, schemas, relative(corpus, file));
  }
  return events;
}

function add(events, key, fields, schemas, file) {
  const byList = events.get(key) ?? new Map();
  events.set(key, byList);
  const listKey = fields.join(',');
  const entry = byList.get(listKey) ?? { fields, schemaVersions: new Set(), files: new Set() };
  byList.set(listKey, entry);
  for (const schema of schemas) entry.schemaVersions.add(schema);
  entry.files.add(file);
}

function asJson(events) {
  const list = [...events].map(([key, byList]) => {
    const [provider, eventId] = key.split('\t');
    const fieldLists = [...byList.values()].map((entry) => ({
      fields: entry.fields,
      schemaVersions: [...entry.schemaVersions].sort(),
      example: [...entry.files].sort()[0],
    }));
    return { provider, eventId: Number(eventId), fieldLists };
  });
  list.sort((a, b) => a.provider.localeCompare(b.provider) || a.eventId - b.eventId);
  return {
    origin:
      'Extracted by scripts/corpus-field-names.mjs from the shared EVTX corpus ' +
      '(shared/samples/evtx, origins in its INVENTORY.tsv). "example" names one file per list.',
    events: list,
  };
}

const events = await collect();
writeFileSync(output, `${JSON.stringify(asJson(events), null, 2)}\n`);
console.log(`wrote ${output}: ${events.size} provider/event pairs`);
