#!/usr/bin/env node
// Committed entry point, so npm links `evtxhunt-generate` at install time, before the first build.
import '../dist/src/main.js';
