import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStart } from '../support/runStart.js';

const root = new URL('../..', import.meta.url).pathname;

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

describe('console mode messages a new user meets', () => {
  it('lists the console commands in /help, explains a bare /complete, never offers a disabled Back, and counts a capped answer honestly', async () => {
    const { code, stdout } = await runStart('/help\n/complete\n/ask question:government\n/digest now post:true\n', [], { INDEX_CACHE_DIR: 'off' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Loaded 365 articles \(\d+ passages, \d+ quotes\) from seeds indexed in \d+ ms\./u);
    expect(stdout).toContain('`/more` and `/back` turn the pages of the last answer');
    expect(stdout).toContain('`/quit` leaves');
    expect(stdout).toContain('Say which option to complete, e.g. /complete quote speaker:jup');
    expect(stdout).not.toContain('There is no command "/"');
    expect(stdout).not.toContain('(n/a)');
    expect(stdout).toContain('[More ▸ (1/10)]   (type /more or /back)');
    expect(stdout).toMatch(/the best 30 articles \(more matched\)/u);
    expect(stdout).toContain('guild console has no digest channel: choose one with /digest set channel:<channel>, or set DIGEST_CHANNEL_ID');
  });

  it('says the quotations of an index restored from the cache are read on first use, rather than reading them to count them', async () => {
    const env = { INDEX_CACHE_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-cache-')) };
    const built = await runStart('', [], env);
    expect(built.stdout).toMatch(/Loaded 365 articles \(\d+ passages, \d+ quotes\) from seeds indexed in \d+ ms\./u);
    const restored = await runStart('', [], env);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Loaded 365 articles \(\d+ passages, quotes read on first use\) from seeds restored from the index cache in \d+ ms\./u);
  });

  it('reports each skipped file once, and shows the Wikinews licence only when Wikinews text is loaded', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'newsdesk-seeds-'));
    cpSync(join(root, 'seeds/000_8ea7bffe1f96b296.txt'), join(seeds, 'reference.txt'));
    writeFileSync(join(seeds, 'empty.txt'), '');
    const { code, stdout, stderr } = await runStart('/about\n', ['--seeds', seeds]);
    expect(code).toBe(0);
    expect(`${stdout}${stderr}`.split('empty.txt').length - 1).toBe(1);
    expect(stdout).toContain('Skipped 1 file:\n  empty.txt: empty file');
    expect(stdout).toContain('== About this coverage ==');
    expect(stdout).not.toContain('Wikinews is CC BY');
  });
});

describe('a filter that excludes every match', () => {
  it('names the filter instead of saying nothing in the coverage matches', async () => {
    const { code, stdout } = await runStart('/ask question:unemployment source:Al Jazeera\n/ask question:homs since:2013-01-01\n/ask question:zzzzqqq source:Wikinews\n', ['--json']);
    expect(code).toBe(0);
    const [bySource, byDate, nothing] = jsonLines(stdout);
    expect(bySource).toEqual({ results: [], excludedBy: ['source:Al Jazeera'] });
    expect(byDate).toEqual({ results: [], excludedBy: ['since:2013-01-01'] });
    // Nothing matches even without the filter: that answer stays "nothing matches".
    expect(nothing).toMatchObject({ results: [] });
    expect(nothing).not.toHaveProperty('excludedBy');
  });
});

describe('configuration mistakes a new user makes', () => {
  it.each([
    [{ SEEDS_DIR: 'nope' }, 'SEEDS_DIR: folder "nope" does not exist; create it, or set SEEDS_DIR (or npm start -- --seeds DIR) to the folder of your article files'],
    [{ USER_COOLDOWN_SECONDS: 'abc' }, 'USER_COOLDOWN_SECONDS: must be a whole number from 0 to 3600'],
    [{ STATE_FILE: tmpdir() }, `STATE_FILE: "${tmpdir()}" is a folder, not a file; set STATE_FILE to a file in a folder newsdesk may write, e.g. data/newsdesk.sqlite`],
  ])('stops with one line naming the variable and what to do (%o)', async (env, line) => {
    const { code, stdout, stderr } = await runStart('', [], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`newsdesk: configuration error: ${line}`);
  });

  it('says so when the seeds folder is empty, and starts', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'newsdesk-empty-'));
    const { code, stdout, stderr } = await runStart('/about\n', ['--seeds', seeds]);
    expect(code).toBe(0);
    expect(stderr).toContain(`newsdesk: SEEDS_DIR: folder "${seeds}" is empty, so there is no coverage yet; add .md or .txt articles (they are picked up without a restart)`);
    expect(stdout).toContain('Loaded 0 articles');
  });
});

describe('console mode and the seeds folder', () => {
  it('picks up a new file without a restart, as the README says', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'newsdesk-watch-'));
    cpSync(join(root, 'seeds/000_8ea7bffe1f96b296.txt'), join(seeds, 'reference.txt'));
    const child = spawn('npm', ['start', '--silent', '--', '--json', '--seeds', seeds], {
      cwd: root,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '', INDEX_CACHE_DIR: 'off', STATE_FILE: join(mkdtempSync(join(tmpdir(), 'newsdesk-state-')), 'state.sqlite') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const answers: Record<string, unknown>[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) answers.push(JSON.parse(line) as Record<string, unknown>);
    });
    let loaded = false;
    child.stderr.on('data', (chunk: Buffer) => void (loaded ||= chunk.toString().includes('Loaded ')));
    const until = async (done: () => boolean, what: string) => {
      for (let waited = 0; !done(); waited += 200) {
        if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    try {
      await until(() => loaded, 'the start-up summary');
      writeFileSync(join(seeds, 'harbour.md'), '---\ntitle: Harbour reopens after the storm\ndate: 2025-06-01\nsection: Local\n---\n\nThe harbour at Porthleven reopened on Friday.\n');
      // Ask until the re-index (debounced by two seconds) has taken the new file in.
      await until(() => {
        child.stdin.write('/about\n');
        return answers.some((answer) => answer.articles === 2);
      }, 'the new article');
      child.stdin.end('/ask question:Porthleven harbour\n');
      await new Promise((resolve) => child.on('close', resolve));
      const ask = answers.at(-1) as { results: { id: string }[] };
      expect(ask.results[0]?.id).toBe('harbour.md');
    } finally {
      child.kill();
    }
  }, 60_000);
});
