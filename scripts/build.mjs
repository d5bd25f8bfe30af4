// Compiles the TypeScript of src/, commands/, scripts/ and bench/ into dist/ (one .js per .ts, same layout), so that
// `npm start` and the other entry points run plain JavaScript: no TypeScript compiler in the bot process.
// Plain JavaScript itself, so that it runs before anything is built. `npm run build` (and `prepare`, run by
// `npm install`/`npm ci`) calls it; `scripts/launch.mjs` calls it when a source is newer than the last build.
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the compiled JavaScript goes (git-ignored). */
export const distDir = path.join(root, 'dist');
/** Written last by a successful build; its modification time is the build's. */
const stampFile = path.join(distDir, '.built');
/** The folders compiled. */
const SOURCE_DIRS = ['src', 'commands', 'scripts', 'bench', 'eval'];
/** Files whose change also makes the build stale. */
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'scripts/build.mjs'];

/** Every .ts file under the source folders, and every folder (a deleted file changes its folder's mtime). */
function walk(dir, files, dirs) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  dirs.push(dir);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files, dirs);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
  }
}

function sources() {
  const files = [];
  const dirs = [];
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir), files, dirs);
  return { files, dirs };
}

/**
 * True when dist/ is missing or older than any source file, source folder or build input: running it would run old code.
 * @example isStale() // => false right after build()
 */
export function isStale() {
  let built;
  try {
    built = statSync(stampFile).mtimeMs;
  } catch {
    return true;
  }
  const { files, dirs } = sources();
  for (const file of [...files, ...dirs, ...BUILD_INPUTS.map((name) => path.join(root, name))]) {
    try {
      if (statSync(file).mtimeMs > built) return true;
    } catch {
      // A build input that does not exist (yet) cannot be newer.
    }
  }
  return false;
}

/**
 * Rebuilds dist/ from scratch (a deleted source leaves no stale .js behind). esbuild only strips types here; the type
 * check is `npm run typecheck`. The output is written to a temporary folder and swapped in by renames, so that two
 * starts rebuilding at once, or a process importing dist/ meanwhile, never see half a build.
 * @example await build() // => { files: 106, ms: 300 }
 */
export async function build() {
  const started = performance.now();
  // Imported here: a start that finds dist/ fresh never loads esbuild.
  const esbuild = await import('esbuild');
  const { files } = sources();
  const temporary = `${distDir}.${process.pid}.tmp`;
  const old = `${distDir}.${process.pid}.old`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    await esbuild.build({
      entryPoints: files,
      outdir: temporary,
      outbase: root,
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    // The persisted index's code fingerprint, hashed from the sources now rather than by every start (see
    // src/indexCache/codeFingerprint.ts, which reads it back; it hashes the sources itself when run from them).
    const { FINGERPRINT_FILE, hashSnapshotCode } = await import(pathToFileURL(path.join(temporary, 'src/indexCache/codeFingerprint.js')).href);
    writeFileSync(path.join(temporary, 'src/indexCache', FINGERPRINT_FILE), `${await hashSnapshotCode(path.join(root, 'src'))}\n`);
    writeFileSync(path.join(temporary, '.built'), `${new Date().toISOString()}\n`);
    try {
      renameSync(distDir, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      renameSync(temporary, distDir);
    } catch (error) {
      // Another start swapped its build in between our renames: it is built from the same sources.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return { files: files.length, ms: performance.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quiet = process.argv.includes('--quiet');
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) process.exit(0);
  build().then(
    ({ files, ms }) => {
      if (!quiet) process.stderr.write(`newsdesk: compiled ${files} files into dist/ in ${Math.round(ms)} ms\n`);
    },
    (error) => {
      process.stderr.write(`newsdesk: build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
