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

  const watcher: FSWatcher = watch(path.resolve(dir), { recursive: true }, (_event, filename) => {
    if (filename && IGNORED.test(filename.toString())) return;
    schedule();
  });
  watcher.on('error', onError);

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
