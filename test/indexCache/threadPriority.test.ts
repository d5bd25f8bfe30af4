import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const module = new URL('../../src/indexCache/threadPriority.ts', import.meta.url).href;

/** Runs lowerThreadPriority in a fresh worker thread; resolves with what it returned and the worker's niceness after. */
function inWorker(): Promise<{ lowered: boolean; niceness: number }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const os = require('node:os');
    import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); }).then(({ lowerThreadPriority }) => {
      const lowered = lowerThreadPriority();
      parentPort.postMessage({ lowered, niceness: os.getPriority() });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (message: { lowered: boolean; niceness: number }) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('lowerThreadPriority', { timeout: 60_000 }, () => {
  it.runIf(process.platform === 'linux')('lowers the calling worker thread below the main thread, and leaves the main thread as it was', async () => {
    const before = os.getPriority();
    const { lowered, niceness } = await inWorker();
    expect(lowered).toBe(true);
    expect(niceness).toBeGreaterThan(before);
    expect(os.getPriority()).toBe(before);
  });
});
