#!/usr/bin/env node
import { runCli } from './cli.js';

runCli(process.argv).catch((error: unknown) => {
  process.stderr.write(`contact-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
