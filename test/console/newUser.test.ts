import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** Runs `npm start` (the README's command) in console mode with `input` on stdin, as a script would. */
function runStart(input: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', ...args], {
      cwd: root,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '', STATE_FILE: join(mkdtempSync(join(tmpdir(), 'newsdesk-state-')), 'state.sqlite'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const jsonLines = (stdout: string): Record<string, unknown>[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('console mode, tried as a new user would', () => {
  it('shows the two real sections of the shipped coverage in /about, the section autocomplete and /ask, with tags', async () => {
    const { code, stdout } = await runStart('/about\n/complete ask section:\n/ask question:Colombia re-election court\n', ['--json']);
    expect(code).toBe(0);
    const [about, complete, ask] = jsonLines(stdout);
    const sections = (about!.sections as { name: string; count: number }[]).map((section) => section.name);
    expect(sections.slice(0, 2)).toEqual(['Politics and conflicts', 'Economy and business']);
    const choices = (complete!.choices as { value: string }[]).map((choice) => choice.value);
    expect(choices).toEqual(expect.arrayContaining(['Politics and conflicts', 'Economy and business']));
    const results = ask!.results as { id: string; section: string; tags: string[] }[];
    const colombia = results.find((result) => result.id.includes('colombian-constitutional-court'));
    expect(colombia).toMatchObject({ section: 'Politics and conflicts', tags: ['Colombian armed conflict'] });
  });
});
