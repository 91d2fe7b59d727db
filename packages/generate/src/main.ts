/** `evtxhunt-generate`: writes a seeded, labelled Sysmon log of the size asked for. */
import { parseArgs } from 'node:util';

import { writeGeneratedLog } from './node.js';
import { parseSize } from './size.js';

const HELP = `Usage: evtxhunt-generate --size SIZE --out FILE [--seed N] [--labels FILE] [options]

Writes a realistic Sysmon log (events 1, 3, 5, 7, 10, 11, 13, 22) of about SIZE (e.g. 100MB,
1GB) from a seed: the same seed and options give the same bytes. Injected activity (beacons,
LOLBin downloads, user-writable binaries phoning home, lateral movement) is listed in --labels.

Options:
  --size SIZE              size to reach (binary units: 1GB = 1024^3 bytes)
  --out FILE               the .evtx to write
  --seed N                 seed (default 1)
  --labels FILE            write what was injected as JSON
  --hosts N                workstations (default 20)
  --span-hours H           hours the log covers (default 24)
  --beacons N              beacons (default 2)
  --beacon-count N         calls per beacon (default 120)
  --beacon-interval SEC    seconds between calls (default: spread over 80% of the span)
  --beacon-jitter F        jitter as a fraction of the interval (default 0.15)
  --downloads N            LOLBin downloads (default 2)
  --phone-home N           user-writable binaries phoning home (default 2)
  --lateral N              lateral movements: RDP, WinRM, SMB in turn (default 2)
  -h, --help               show this help`;

const NUMBERS = ['seed', 'hosts', 'span-hours', 'beacons', 'beacon-count', 'beacon-interval'];
const MORE = ['beacon-jitter', 'downloads', 'phone-home', 'lateral'];

function main(argv: string[]): number {
  const strings = Object.fromEntries(
    ['size', 'out', 'labels', ...NUMBERS, ...MORE].map((name) => [name, { type: 'string' }]),
  );
  const { values } = parseArgs({
    args: argv,
    options: { ...strings, help: { type: 'boolean', short: 'h' } },
  }) as { values: Record<string, string | boolean | undefined> };
  if (values.help === true) {
    console.log(HELP);
    return 0;
  }
  const size = values.size;
  const out = values.out;
  if (typeof size !== 'string' || typeof out !== 'string') {
    console.error(`evtxhunt-generate: --size and --out are required\n\n${HELP}`);
    return 2;
  }

  const number = (name: string): number | undefined => numberOption(values[name], name);
  const interval = number('beacon-interval');
  const spanHours = number('span-hours');
  const options = {
    seed: number('seed') ?? 1,
    sizeBytes: parseSize(size),
    hosts: number('hosts'),
    spanMs: spanHours === undefined ? undefined : spanHours * 3600_000,
    beacons: number('beacons'),
    beaconCount: number('beacon-count'),
    beaconIntervalMs: interval === undefined ? undefined : interval * 1000,
    beaconJitter: number('beacon-jitter'),
    downloads: number('downloads'),
    phoneHome: number('phone-home'),
    lateral: number('lateral'),
  };
  const labelsPath = typeof values.labels === 'string' ? values.labels : undefined;
  const log = writeGeneratedLog(out, withoutUndefined(options), labelsPath);
  const labels = labelsPath === undefined ? '' : `; ${log.labels.length} labels to ${labelsPath}`;
  console.log(`wrote ${log.records} records (${log.bytes} bytes) to ${out}${labels}`);
  return 0;
}

function numberOption(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new RangeError(`--${name} needs a number, not ${JSON.stringify(value)}`);
  }
  return number;
}

function withoutUndefined<T extends object>(
  options: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  const entries = Object.entries(options).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries) as { [K in keyof T]: Exclude<T[K], undefined> };
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`evtxhunt-generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
