#!/usr/bin/env node
// Launcher: Node 20 cannot run TypeScript itself, so register tsx's loader, then start the CLI.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// The model's runs make V8's allocation-site pretenuring misfire (see bench/pretenuring.ts): the CLI
// runs with it off, as the bench times the model.
setFlagsFromString('--no-allocation-site-pretenuring');

register();
await import('../cli/main.ts');
