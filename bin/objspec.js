#!/usr/bin/env node
// Launcher: Node 20 cannot run TypeScript itself, so register tsx's loader, then start the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
