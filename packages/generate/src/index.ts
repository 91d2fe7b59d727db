/** @evtxhunt/generate: seeded, realistic, labelled Sysmon EVTX logs of any size. */
export {
  AVERAGE_RECORD_BYTES,
  DEFAULT_INJECTIONS,
  SysmonLogGenerator,
  isoTime,
  type GenerateOptions,
} from './generator.js';
export type { InjectionOptions, Label } from './injections.js';
export { Prng } from './prng.js';
export { parseSize } from './size.js';
export { sysmonSchemas, systemTemplate, type EventSchema } from './templates.js';
export {
  HOSTILE_DESTINATION,
  hostileComputer,
  hostilePayloads,
  hostileSysmonLog,
  type HostilePayloads,
} from './hostile.js';
