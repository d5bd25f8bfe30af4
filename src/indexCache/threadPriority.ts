import { readlinkSync } from 'node:fs';
import os from 'node:os';

/** The niceness of a worker thread doing background work: the main thread (answering interactions) comes first. */
const BACKGROUND_NICENESS = 10;

/**
 * Lowers the scheduling priority of the calling thread (a worker thread doing background work: quotation extraction
 * after ready, a reload, feed pages), so that on a machine with as many busy threads as cores the main thread still
 * answers /ask promptly. Linux schedules threads one by one (a thread's id is its own /proc entry); elsewhere, or
 * when not permitted, nothing changes. Returns whether the priority was lowered.
 * @example lowerThreadPriority() // => true on Linux
 */
export function lowerThreadPriority(): boolean {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    os.setPriority(threadId, Math.max(os.getPriority(threadId), BACKGROUND_NICENESS));
    return true;
  } catch {
    return false;
  }
}
