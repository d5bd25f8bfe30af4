import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The core folders hold the bot's logic and must run (and be tested) without a Discord client. A folder not
 * (yet) in the tree is skipped, so a branch that adds one is checked as soon as it lands.
 */
const CORE_FOLDERS = ['src/text', 'src/corpus', 'src/search', 'src/quotes', 'src/digest', 'src/state', 'src/delivery', 'src/feeds', 'src/alerts'];

/** Packages only the Discord layer may use. */
const DISCORD_PACKAGE = /^(?:discord\.js(?:\/|$)|@discordjs\/|discord-api-types(?:\/|$))/;

/** The Discord layer itself: core code reaches it only through what `src/main.ts` passes in. */
const DISCORD_FOLDER = path.join(root, 'src/discord');

/** Why `specifier`, imported by `file`, breaks the rule, or null when it does not. */
function discordImport(file: string, specifier: string): string | null {
  if (DISCORD_PACKAGE.test(specifier)) return specifier;
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(file), specifier);
  return target === DISCORD_FOLDER || target.startsWith(`${DISCORD_FOLDER}${path.sep}`) ? path.relative(root, target) : null;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** Module specifiers of every static import/export-from, dynamic import() and require() in the text. */
function importedModules(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
}

describe('architecture', () => {
  it('finds the import lines it scans for', () => {
    const sample = "import type { A } from './a.js';\nimport {\n  B,\n} from 'discord.js';\nimport 'side-effect';\nconst c = await import('x');";
    expect(importedModules(sample).sort()).toEqual(['./a.js', 'discord.js', 'side-effect', 'x']);
  });

  it('recognises every way of reaching Discord from a core file', () => {
    const file = path.join(root, 'src/digest/x.ts');
    const found = ['discord.js', '@discordjs/rest', 'discord-api-types/v10', '../discord/reply.js', '../discord', './discordish.js', '../search/index.js', 'discord-markdown']
      .map((specifier) => discordImport(file, specifier));
    expect(found).toEqual(['discord.js', '@discordjs/rest', 'discord-api-types/v10', 'src/discord/reply.js', 'src/discord', null, null, null]);
  });

  it('keeps src/discord, discord.js, @discordjs/* and discord-api-types out of the core folders', () => {
    const files = CORE_FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((file) =>
      importedModules(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const reason = discordImport(file, specifier);
        return reason === null ? [] : [`${path.relative(root, file)} imports ${reason}`];
      }),
    );
    expect(offenders).toEqual([]);
  });
});

/** Relative modules `file` loads before it runs: its static imports and re-exports that are not type-only. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const pattern = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((m) => path.resolve(path.dirname(file), (m[1] ?? m[2])!).replace(/\.js$/, '.ts'));
}

/** Every source file reached from `entry` by static imports. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) for (const next of staticImports(file)) if (existsSync(next)) seen.add(next);
  return [...seen].map((file) => path.relative(root, file));
}

describe('start-up module graph', () => {
  it('loads neither the search nor the quote modules with src/library.ts: buildLibrary imports them while the cache file is read (issue #15)', () => {
    const graph = staticGraph(path.join(root, 'src/library.ts'));
    expect(graph).toContain('src/indexCache/indexCache.ts');
    expect(graph.filter((file) => file.startsWith('src/quotes/') || (file.startsWith('src/search/') && file !== 'src/search/steps.ts'))).toEqual([]);
  });

  it('loads none of the fingerprinting code with src/library.ts or the key worker\'s cache version: the key is computed on another thread', () => {
    const graph = staticGraph(path.join(root, 'src/library.ts'));
    expect(graph).toContain('src/indexCache/snapshotKey.ts');
    expect(graph.filter((file) => /(seeds|code)Fingerprint\.ts$/u.test(file))).toEqual([]);
    // The key worker needs the cache version, not the code that reads and writes the cache file.
    expect(staticGraph(path.join(root, 'src/indexCache/keyWorker.ts'))).not.toContain('src/indexCache/indexCache.ts');
  });
});
