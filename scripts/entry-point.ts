import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the script Node
 * was started with, rather than an import. Compares file paths, not strings
 * built by hand: `file://${argv[1]}` differs from `import.meta.url` when the
 * path has a space (%20), on Windows (drive letters, backslashes) and through
 * a symlink, and a script checking that way silently does nothing.
 */
export function isEntryPoint(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (argv1 === undefined) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
