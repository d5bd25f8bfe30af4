import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Runs `npm start` (the README's command) in console mode with `input` on stdin, as a script would: no token, a
 * fresh state file, the rest of the environment as given.
 */
export function runStart(input: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
