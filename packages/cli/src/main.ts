#!/usr/bin/env node
/**
 * The `evtxhunt` executable. It sets the V8 flags a command needs before anything else is
 * loaded (parsing the CLI's modules already grows the young generation, see heap-settings.ts),
 * then runs the CLI on the process (process-main.ts). Regular expressions of rules and queries
 * need no V8 flag: risky ones run on the linear-time matcher of @evtxhunt/hunt.
 */
import { keepYoungGenerationSmall } from './heap-settings.js';

keepYoungGenerationSmall(process.argv.slice(2));
await import('./process-main.js');
