import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFingerprint, FINGERPRINT_FILE, hashSnapshotCode } from '../../src/indexCache/codeFingerprint.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Fresh: vitest's global setup (test/support/buildOnce.ts) builds dist/ when a source is newer.
const compiled = path.join(root, 'dist/src/indexCache');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-fingerprint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The compiled module alone in a folder of its own (its snapshot code folders empty), with `written` as the build's file. */
async function compiledFingerprint(folder: string, written: string | null): Promise<string> {
  const src = path.join(scratch, folder, 'src');
  for (const name of ['text', 'corpus', 'search', 'quotes', 'indexCache']) mkdirSync(path.join(src, name), { recursive: true });
  for (const name of ['codeFingerprint.js', 'codeFingerprint.js.map']) copyFileSync(path.join(compiled, name), path.join(src, 'indexCache', name));
  if (written !== null) writeFileSync(path.join(src, 'indexCache', FINGERPRINT_FILE), written);
  const module = (await import(pathToFileURL(path.join(src, 'indexCache/codeFingerprint.js')).href)) as { codeFingerprint: () => Promise<string> };
  return module.codeFingerprint();
}

describe('codeFingerprint', () => {
  it('is hashed from the sources at build time: the build writes the hash the sources give', async () => {
    const written = readFileSync(path.join(compiled, FINGERPRINT_FILE), 'utf8').trim();
    expect(written).toBe(await hashSnapshotCode(path.join(root, 'src')));
    // Run from the sources (as here), it is the same hash: a test and `npm start` agree on which index is current.
    expect(await codeFingerprint()).toBe(written);
  });

  it('compiled, reads the fingerprint the build wrote instead of hashing its files', async () => {
    const written = 'ab'.repeat(32);
    expect(await compiledFingerprint('built', `${written}\n`)).toBe(written);
  });

  it('compiled without (or with a damaged) build file, hashes its own files', async () => {
    const hashed = await compiledFingerprint('unbuilt', null);
    expect(hashed).toBe(await hashSnapshotCode(path.join(scratch, 'unbuilt', 'src')));
    expect(await compiledFingerprint('damaged', 'not a hash')).toBe(await hashSnapshotCode(path.join(scratch, 'damaged', 'src')));
  });
});
