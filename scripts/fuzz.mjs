// Mutation fuzzer of the EVTX parser: `npm run fuzz -- --minutes N [--seed S] [--max-kb K]`.
// Seeds are samples/*.evtx, packages/evtx/test/fixtures/*.evtx and the shared corpus's files up
// to K KiB (default 256). Prints the campaign seed; every failing mutant is saved as a named
// regression fixture in packages/evtx/test/fixtures/fuzz/ (the input, a .json side file with the
// seed, index, mutation and failure, and `.seed`, the clean file, when it is not in the
// repository), which test/fuzz/fixtures.test.ts replays. Check the licence of a `.seed` (the
// shared corpus's INVENTORY.tsv) before committing it: GPL files cannot go into this repository.
//
// Every POOLED_EVERY-th mutant that passes the oracle is also read through a ChunkPool of two
// worker threads, which must give the same records and summary (a `pool-differs` failure).
//
// The campaign runs in a worker thread; a parse that hangs never yields, so this thread watches:
// a mutant still running after HANG_MS is saved as a `hang` fixture and the campaign goes on
// with a new worker from the next mutant.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 60_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const campaign = await import(join(root, 'packages/evtx/dist/test/fuzz/campaign.js'));
const { PooledCheck } = await import(join(root, 'packages/evtx/dist/test/fuzz/pooled.js'));
/** Every this many mutants, one passing the oracle is read through a 2-thread ChunkPool too. */
const POOLED_EVERY = 10;
const SHARED = '/work/shared/samples/evtx';
const OUT = join(root, 'packages/evtx/test/fixtures/fuzz');

if (isMainThread) await main();
else await work(workerData);

async function main() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '1' },
      seed: { type: 'string' },
      'max-kb': { type: 'string', default: '256' },
    },
  });
  const seed = values.seed === undefined ? Date.now() % 0x100000000 : Number(values.seed) >>> 0;
  const maxBytes = Number(values['max-kb']) * 1024;
  const deadline = Date.now() + Number(values.minutes) * 60_000;

  const dirs = [join(root, 'samples'), join(root, 'packages/evtx/test/fixtures')];
  if (existsSync(SHARED)) dirs.push(SHARED);
  else console.error(`fuzz: ${SHARED} not present; seeding from the repository's files only`);
  const files = campaign.seedFiles(dirs, maxBytes);
  console.error(`fuzz: campaign seed ${seed}, ${files.length} seed files up to ${maxBytes} bytes`);

  const totals = { mutants: 0, failures: 0, pooled: 0, byMutator: new Map(), time: 0, heap: 0 };
  let first = 0;
  while (first !== undefined && Date.now() < deadline) {
    first = await runWorker({ seed, dirs, maxBytes, deadline, first }, files, totals);
  }

  const mix = [...totals.byMutator].map(([name, n]) => `${name} ${n}`).join(', ');
  console.log(`fuzz: ${totals.mutants} mutants judged or hung (finished ones: ${mix})`);
  console.log(`fuzz: ${totals.pooled} of them also read through a 2-thread ChunkPool`);
  const share = (x) => `${(100 * x).toFixed(0)}%`;
  console.log(`fuzz: worst mutant used ${share(totals.time)} of its time budget`);
  console.log(`fuzz: worst mutant used ${share(totals.heap)} of its heap bound`);
  console.log(`fuzz: ${totals.failures} failures (campaign seed ${seed})`);
  process.exit(totals.failures === 0 ? 0 : 1);
}

/** Runs the campaign from `job.first`; resolves with the index to go on from after a hang. */
function runWorker(job, files, totals) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job });
    let current = { index: job.first, since: Date.now() };
    const watchdog = setInterval(() => {
      if (Date.now() - current.since < HANG_MS) return;
      clearInterval(watchdog);
      void worker.terminate();
      const mutant = campaign.replay(files, job.seed, current.index);
      const file = files[current.index % files.length];
      const detail = `no result after ${HANG_MS} ms`;
      save(
        { kind: 'hang', detail, seed: job.seed, index: current.index, file: file.name, mutant },
        files,
      );
      totals.failures++;
      resolve(current.index + 1);
    }, 1000);

    worker.on('message', (message) => {
      if (message.kind === 'start') {
        current = { index: message.index, since: Date.now() };
        totals.mutants++;
      }
      if (message.kind === 'failure') {
        totals.failures++;
        save(message.found, files);
      }
      if (message.kind === 'done') {
        totals.time = Math.max(totals.time, message.worst.time);
        totals.heap = Math.max(totals.heap, message.worst.heap);
        totals.pooled += message.pooled;
        for (const [name, n] of message.byMutator) {
          totals.byMutator.set(name, (totals.byMutator.get(name) ?? 0) + n);
        }
      }
    });
    worker.on('error', reject);
    worker.on('exit', () => {
      clearInterval(watchdog);
      resolve(undefined);
    });
  });
}

async function work({ seed, dirs, maxBytes, deadline, first }) {
  const files = campaign.seedFiles(dirs, maxBytes);
  const check = await PooledCheck.open(2);
  let result;
  try {
    result = await campaign.runCampaign({
      seed,
      files,
      first,
      deadline,
      pooled: { check, every: POOLED_EVERY },
      onStart: (index) => parentPort.postMessage({ kind: 'start', index }),
      onFailure: (found) => parentPort.postMessage({ kind: 'failure', found }),
    });
  } finally {
    await check.close();
  }
  const byMutator = [...result.byMutator];
  parentPort.postMessage({ kind: 'done', byMutator, worst: result.worst, pooled: result.pooled });
}

function save(found, files) {
  mkdirSync(OUT, { recursive: true });
  const mutator = found.mutant.description.slice(0, found.mutant.description.indexOf(':'));
  const file = found.file.replace(/\.evtx$/i, '');
  const stem = `${found.kind}-${mutator}-${file}-${found.seed}-${found.index}`;
  writeFileSync(join(OUT, `${stem}.evtx`), found.mutant.bytes);
  const seedFile = files[found.index % files.length];
  if (!seedFile.path.startsWith(root)) writeFileSync(join(OUT, `${stem}.seed`), seedFile.bytes);
  const side = {
    seedFile: found.file,
    campaignSeed: found.seed,
    mutantIndex: found.index,
    mutation: found.mutant.description,
    crafted: found.mutant.crafted,
    failure: found.kind,
    detail: found.detail,
  };
  writeFileSync(join(OUT, `${stem}.json`), `${JSON.stringify(side, null, 2)}\n`);
  console.error(`fuzz: ${found.kind} at mutant ${found.index} (${found.mutant.description})`);
  console.error(`      ${found.detail.split('\n').slice(0, 3).join('\n      ')}`);
  console.error(`      saved ${stem}.evtx`);
}
