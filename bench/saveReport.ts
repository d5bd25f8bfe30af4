import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a benchmark run writes, and whether it was a quick one. */
export interface SaveReportOptions {
  /** `-- --quick`: 1x only, so its tables must not replace the full ones. */
  quick: boolean;
  /** The project root, holding the tracked BENCHMARKS.md. */
  projectRoot: string;
  /** The run's scratch folder (corpora as files, caches, the snapshot): removed at the end. */
  workDir: string;
}

/**
 * Ends a benchmark run: only a full run rewrites BENCHMARKS.md; every run removes its scratch folder.
 * @example await saveReport(markdown, { quick: true, projectRoot, workDir }) // => { wrote: false }
 */
export async function saveReport(markdown: string, options: SaveReportOptions): Promise<{ wrote: boolean }> {
  if (!options.quick) await writeFile(path.join(options.projectRoot, 'BENCHMARKS.md'), markdown);
  await rm(options.workDir, { recursive: true, force: true });
  return { wrote: !options.quick };
}
