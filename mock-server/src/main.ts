#!/usr/bin/env node
// Built-ins through getBuiltinModule rather than `import`: an ES import of a built-in builds a
// namespace from all its exports, which for node:fs loads fs/promises and readline on every start.
const { existsSync } = process.getBuiltinModule('node:fs');
const module = process.getBuiltinModule('node:module') as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };

// V8 keeps the code it compiled for the bundle between starts (Node >= 22.1; NODE_COMPILE_CACHE
// moves it, NODE_DISABLE_COMPILE_CACHE=1 turns it off; decision 0032).
module.enableCompileCache?.();

// The build's bundle of the CLI starts faster than its ~150 modules (decision 0032); without it, the modules.
const bundle = new URL('./core/cli.bundle.js', import.meta.url);
const { runCli } = (await import(existsSync(bundle) ? bundle.href : './cli.js')) as typeof import('./cli.js');

runCli(process.argv).then(
  // A server is usually stopped by a signal, and only a normal exit writes the cache: write it once started.
  () => setImmediate(() => module.flushCompileCache?.()),
  (error: unknown) => {
    process.stderr.write(`contact-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
