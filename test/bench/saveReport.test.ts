import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveReport } from '../../bench/saveReport.js';

function project(): { projectRoot: string; workDir: string } {
  const projectRoot = mkdtempSync(path.join(tmpdir(), 'newsdesk-benchroot-'));
  writeFileSync(path.join(projectRoot, 'BENCHMARKS.md'), 'full tables\n');
  const workDir = path.join(projectRoot, 'scratch');
  mkdirSync(path.join(workDir, 'seeds-1x'), { recursive: true });
  writeFileSync(path.join(workDir, 'seeds-1x', 'a.txt'), 'x');
  return { projectRoot, workDir };
}

describe('saveReport', () => {
  it('leaves BENCHMARKS.md alone after a quick run, and removes the scratch folder', async () => {
    const where = project();
    expect(await saveReport('1x only\n', { quick: true, ...where })).toEqual({ wrote: false });
    expect(readFileSync(path.join(where.projectRoot, 'BENCHMARKS.md'), 'utf8')).toBe('full tables\n');
    expect(existsSync(where.workDir)).toBe(false);
  });

  it('rewrites BENCHMARKS.md after a full run, and removes the scratch folder', async () => {
    const where = project();
    expect(await saveReport('new full tables\n', { quick: false, ...where })).toEqual({ wrote: true });
    expect(readFileSync(path.join(where.projectRoot, 'BENCHMARKS.md'), 'utf8')).toBe('new full tables\n');
    expect(existsSync(where.workDir)).toBe(false);
  });
});
