/** Node file access and worker threads, kept apart from the browser-safe core. */
export { openFileSource } from './node-source.js';
export { ChunkPool, type ChunkPoolOptions, type SlotOutput } from './parallel/chunk-pool.js';
export type { ChunkJob, ChunkJobFactory, JobSpec } from './parallel/protocol.js';

export * from './index.js';
