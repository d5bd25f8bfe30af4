import { readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * The niceness a background worker thread gives itself: below the main thread (niceness 0), which answers /ask and
 * /quote, so that on a machine with as many busy threads as cores the answers get the CPU first; the background work
 * still takes every cycle the main thread leaves idle.
 */
const BACKGROUND_NICENESS = 10;

/**
 * Lowers the scheduling priority of the calling thread only (Linux: `setpriority` on the thread's id, read from
 * /proc/thread-self), for a worker thread whose work is not on anybody's path, such as extracting quotations after
 * the bot is ready. Returns false where threads cannot be told apart this way (other systems): nothing changes.
 * A thread cannot raise its priority again without privileges: call it from a worker that ends with its job.
 * @example lowerThreadPriority() // => true on Linux; os.getPriority() in that thread => 10
 */
export function lowerThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, BACKGROUND_NICENESS);
    return true;
  } catch {
    return false;
  }
}
