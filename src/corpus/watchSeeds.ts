import { readdir, stat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Options of `watchSeeds`. */
export interface WatchSeedsOptions {
  /** Called once the folder has been quiet for `debounceMs` after a change; never twice at once. */
  onChange: () => void | Promise<void>;
  /**
   * Quiet time after the last change before `onChange` runs, in ms: copying many files, or an editor's
   * write-rename, produces a burst of events that should cause one re-index.
   * @default 2000
   */
  debounceMs?: number;
  /** Told when watching fails (the folder was removed) or `onChange` throws. @default () => {} */
  onError?: (error: unknown) => void;
}

/** A running watcher. */
export interface SeedsWatcher {
  /** Stops watching and cancels a pending `onChange`. */
  close(): void;
}

/** Editor and OS scratch files: changes to them are not coverage. */
const IGNORED = /(^|[/\\])(\.[^/\\]*|[^/\\]*~|[^/\\]*\.(swp|swx|tmp|part|crdownload))$/u;

/**
 * Watches the seeds folder and its subfolders and calls `onChange` after each burst of changes, debounced; runs never
 * overlap (a change during a run schedules one more run after it). Each folder has a watch of its own, which sees
 * changes to the files in it: Node 20's recursive watch on Linux adds one per file instead, which takes seconds to
 * follow thousands of new files and can exhaust the system's inotify watches on a large seeds folder.
 * @example const watcher = watchSeeds('seeds', { onChange: () => library.reload() }); watcher.close();
 */
export function watchSeeds(dir: string, options: WatchSeedsOptions): SeedsWatcher {
  const debounceMs = options.debounceMs ?? 2000;
  const onError = options.onError ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let closed = false;

  const fire = async (): Promise<void> => {
    timer = null;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await options.onChange();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  };

  const root = path.resolve(dir);
  const LOST = -1;
  const watchers = new Map<string, FSWatcher>();
  let rootInode: number | null = null;
  let retry: NodeJS.Timeout | null = null;
  let scanning = false;
  let rescanAgain = false;

  const watchFolder = (folder: string): void => {
    if (closed || watchers.has(folder)) return;
    const watcher = watch(folder, (event, filename) => {
      if (filename && IGNORED.test(filename.toString())) return;
      schedule();
      // A new or removed entry may be a folder: follow the tree, and check the seeds folder itself is still there.
      if (event === 'rename') void rescan();
    });
    watcher.on('error', (error) => {
      watcher.close();
      watchers.delete(folder);
      if (folder === root) onError(error);
      void rescan();
    });
    watchers.set(folder, watcher);
  };

  const folders = async (folder: string, found: Set<string>): Promise<void> => {
    found.add(folder);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) await folders(path.join(folder, entry.name), found);
    }
  };

  // Brings the watches in line with the tree: new folders watched, removed ones dropped. A seeds folder removed and
  // made again (`rm -rf seeds && cp -r new seeds`) is watched anew and reloaded; while it is missing, it is looked
  // for every `debounceMs`.
  const rescan = async (): Promise<void> => {
    if (closed || retry) return;
    if (scanning) {
      rescanAgain = true;
      return;
    }
    scanning = true;
    try {
      let inode: number;
      try {
        inode = (await stat(root)).ino;
      } catch (error) {
        onError(error);
        // Lost: whatever folder appears at the path next is new, even if the file system reuses the inode number.
        rootInode = LOST;
        for (const watcher of watchers.values()) watcher.close();
        watchers.clear();
        retry = setTimeout(() => {
          retry = null;
          void rescan();
        }, debounceMs);
        return;
      }
      if (inode !== rootInode) {
        const replaced = rootInode !== null;
        for (const watcher of watchers.values()) watcher.close();
        watchers.clear();
        rootInode = inode;
        if (replaced) schedule();
      }
      const found = new Set<string>();
      await folders(root, found);
      if (closed) return;
      for (const folder of found) watchFolder(folder);
      for (const [folder, watcher] of watchers) {
        if (found.has(folder)) continue;
        watcher.close();
        watchers.delete(folder);
      }
    } finally {
      scanning = false;
      if (rescanAgain && !closed) {
        rescanAgain = false;
        void rescan();
      }
    }
  };

  // Watch the seeds folder itself synchronously, so that a change made right after `watchSeeds` returns is seen.
  watchFolder(root);
  void stat(root).then(
    ({ ino }) => {
      rootInode ??= ino;
      void rescan();
    },
    (error: unknown) => onError(error),
  );

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
