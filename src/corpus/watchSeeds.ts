import { stat } from 'node:fs/promises';
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
 * Watches the seeds folder and its subfolders (`fs.watch` recursive: Linux with Node 20+, macOS, Windows) and
 * calls `onChange` after each burst of changes, debounced; runs never overlap (a change during a run
 * schedules one more run after it).
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
  let watcher: FSWatcher | null = null;
  let watchedInode: number | null = null;
  let retry: NodeJS.Timeout | null = null;

  const onEvent = (_event: string, filename: string | Buffer | null): void => {
    if (filename && IGNORED.test(filename.toString())) return;
    schedule();
    void ensureWatching();
  };

  const open = (inode: number | null): void => {
    watcher?.close();
    watcher = watch(root, { recursive: true }, onEvent);
    watcher.on('error', (error) => {
      onError(error);
      void ensureWatching();
    });
    watchedInode = inode;
  };

  // A folder removed and made again (`rm -rf seeds && cp -r new seeds`) leaves a watch on the deleted folder, which
  // sees nothing more: after each event, check that the path still is the watched folder; watch the new one (and
  // reload) when it was replaced, and look again every `debounceMs` while it is missing.
  const ensureWatching = async (): Promise<void> => {
    if (closed || retry) return;
    let inode: number;
    try {
      inode = (await stat(root)).ino;
    } catch (error) {
      onError(error);
      // Lost: whatever folder appears at the path next is new, even if the file system reuses the inode number.
      if (watchedInode !== null) watchedInode = LOST;
      retry = setTimeout(() => {
        retry = null;
        void ensureWatching();
      }, debounceMs);
      return;
    }
    if (closed || inode === watchedInode) return;
    const replaced = watchedInode !== null;
    open(inode);
    if (replaced) schedule();
  };

  // Watch synchronously, so that a change made right after `watchSeeds` returns is seen.
  open(null);
  void stat(root).then(
    ({ ino }) => void (watchedInode ??= ino),
    (error: unknown) => onError(error),
  );

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      watcher?.close();
    },
  };
}
