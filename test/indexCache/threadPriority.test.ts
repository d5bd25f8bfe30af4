import os from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/childProcesses.js';

const moduleUrl = pathToFileURL(path.join(projectRoot, 'src/indexCache/threadPriority.ts')).href;

/** Runs lowerThreadPriority in a worker thread; returns what it returned and the thread's priority after. */
function lowerInWorker(): Promise<{ lowered: boolean; priority: number | null }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const os = require('node:os');
    const fs = require('node:fs');
    import('tsx/esm/api').then(async (tsx) => {
      tsx.register();
      const { lowerThreadPriority } = await import(${JSON.stringify(moduleUrl)});
      const lowered = lowerThreadPriority();
      let priority = null;
      try { priority = os.getPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop())); } catch {}
      parentPort.postMessage({ lowered, priority });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (message: { lowered: boolean; priority: number | null }) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('lowerThreadPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the calling worker thread below the main thread, leaving the main thread as it was', async () => {
    const mainBefore = os.getPriority(process.pid);
    const { lowered, priority } = await lowerInWorker();
    expect(lowered).toBe(true);
    expect(priority).toBeGreaterThanOrEqual(10);
    expect(os.getPriority(process.pid)).toBe(mainBefore);
  });
});
