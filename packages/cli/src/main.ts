#!/usr/bin/env node
/**
 * The `evtxhunt` executable. It sets the V8 flags a command needs before anything else is
 * loaded (parsing the CLI's modules already grows the young generation, see heap-settings.ts;
 * the regular expression fallback of regex-settings.ts), then runs the CLI on the process
 * (process-main.ts).
 */
import { keepYoungGenerationSmall } from './heap-settings.js';
import { fallBackToLinearRegex } from './regex-settings.js';

keepYoungGenerationSmall(process.argv.slice(2));
fallBackToLinearRegex();
await import('./process-main.js');
