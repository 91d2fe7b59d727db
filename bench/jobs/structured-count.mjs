// The chunk job of bench/parse-threads.mjs: makes every record of a chunk a structured record
// where the chunk was parsed (a worker, or the main thread when it parses too) and consumes it
// there, so only a count crosses between threads. Mode `structured` counts the data fields,
// `jsonl` also serialises the record as `dump --format jsonl` does (without writing it).
// Each output also carries the CPU seconds of the thread that made it so far (Linux only), read
// at most every CPU_READ_MS: reading /proc for every chunk cost the pooled threads some 0.06 s a GB
// that one thread does not pay.
import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** How often a thread reads its CPU time, in ms of wall time; its last figure is this stale. */
const CPU_READ_MS = 20;

/** `createChunkJob` as the pool calls it; options: { mode: 'structured' | 'jsonl' }. */
export function createChunkJob({ mode }) {
  const json = mode === 'jsonl';
  let cpu;
  let readAt = -Infinity;
  return (records) => {
    let consumed = 0;
    for (const record of records) consumed += consume(record.toStructured(), json);
    if (performance.now() - readAt >= CPU_READ_MS) {
      cpu = threadCpuSeconds();
      readAt = performance.now();
    }
    return [records.length, consumed, threadId, cpu];
  };
}

/** What one structured record adds to the checksum: its data field count, or JSON length. */
export function consume(structured, json) {
  if (json) return JSON.stringify(structured, bigintText).length;

  let fields = 0;
  for (const name in structured.data) if (Object.hasOwn(structured.data, name)) fields++;
  return fields;
}

function bigintText(_key, value) {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** This thread's user and system CPU seconds, from /proc; undefined where there is none. */
export function threadCpuSeconds() {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
