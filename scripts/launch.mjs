// Runs a compiled entry point: `node scripts/launch.mjs src/main.ts [args…]` runs dist/src/main.js with [args…],
// rebuilding dist/ first when any source is newer than it (so an edited checkout never silently runs old code).
// The freshness check stats the source files (a few ms); esbuild is loaded only when a rebuild is needed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, distDir, isStale, root } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/launch.mjs <src/file.ts> [args…]\n');
  process.exit(2);
}
if (isStale()) {
  try {
    const { files, ms } = await build();
    process.stderr.write(`newsdesk: sources changed; compiled ${files} files into dist/ in ${Math.round(ms)} ms\n`);
  } catch (error) {
    process.stderr.write(`newsdesk: build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
const compiled = path.join(distDir, path.relative(root, path.resolve(root, entry)).replace(/\.ts$/u, '.js'));
// The entry sees the argv it would have had if run directly (`node dist/src/main.js args…`).
process.argv.splice(1, process.argv.length - 1, compiled, ...args);
await import(pathToFileURL(compiled).href);
