#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The build's one-file bundle of the CLI starts faster than its ~150 modules (decision 0032); without it, the modules.
const bundle = new URL('./core/cli.bundle.js', import.meta.url);
const { runCli } = (await import(existsSync(bundle) ? bundle.href : './cli.js')) as typeof import('./cli.js');

runCli(process.argv).catch((error: unknown) => {
  process.stderr.write(`contact-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
