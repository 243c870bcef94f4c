import { extname } from 'node:path';
import type { Stats } from 'node:fs';

/** Files whose change can matter to a sandbox: fixtures are JSON, scenarios JSON or YAML. */
const WATCHED_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Changes that settle within this of each other are one reload: an editor's save (write, rename, chmod) or a `git checkout` of many files. */
export const WATCH_DEBOUNCE_MS = 100;

export interface FileWatcher {
  /** Stops watching; a change still waiting for its debounce is dropped. */
  close(): Promise<void>;
}

/**
 * Watches `dirs` (recursively, files and folders added or removed included)
 * with chokidar and calls `onChange` with the files that changed once no
 * change has come for `debounceMs`; `onError` hears what goes wrong once watching. Resolves once the directories are being
 * watched, so a change made after it is seen. chokidar is loaded here, not at
 * start-up: only `--watch` needs it.
 */
export async function watchFiles(
  dirs: readonly string[],
  handlers: { readonly onChange: (files: readonly string[]) => void; readonly onError: (error: Error) => void },
  debounceMs = WATCH_DEBOUNCE_MS,
): Promise<FileWatcher> {
  const { watch } = await import('chokidar');
  const watcher = watch([...dirs], {
    ignoreInitial: true,
    // A folder is always followed (a new fixture set); of files, only those the sandbox reads.
    ignored: (path: string, stats?: Stats) => stats?.isFile() === true && !WATCHED_EXTENSIONS.has(extname(path)),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (event, path) => {
    if (event !== 'addDir' && event !== 'unlinkDir' && !WATCHED_EXTENSIONS.has(extname(path))) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending = new Set();
      handlers.onChange(files);
    }, debounceMs);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  // An error once watching (a folder that went away, too many watches) is reported, not thrown at the process.
  watcher.on('error', (error) => handlers.onError(error instanceof Error ? error : new Error(String(error))));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
