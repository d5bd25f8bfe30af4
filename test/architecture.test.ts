import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The core folders hold the bot's logic and must run (and be tested) without a Discord client. */
const CORE_FOLDERS = ['src/corpus', 'src/search', 'src/quotes', 'src/digest', 'src/state', 'src/feeds'];

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

  it('keeps discord.js out of the core folders', () => {
    const files = CORE_FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((file) =>
      importedModules(readFileSync(file, 'utf8'))
        .filter((m) => /^(discord\.js|@discordjs\/)/.test(m))
        .map((m) => `${path.relative(root, file)} imports ${m}`),
    );
    expect(offenders).toEqual([]);
  });
});
