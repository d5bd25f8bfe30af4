/**
 * Prints every quotation of every article in a file or folder.
 *
 *   npm run quotes -- seeds                      # readable: one block per article
 *   npm run quotes -- seeds/000_8ea7bffe1f96b296.txt --json
 *       # one JSON line per article: { "file", "quotes": [{ "quote", "speaker", "role", "kind" }] }
 *
 * `file` is the path relative to the folder given (for a single file, its name). A summary (articles, quotations,
 * time per article) goes to stderr.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isSkippedFile, loadArticleFile, loadCorpus } from '../src/corpus/index.js';
import type { Article } from '../src/corpus/types.js';
import { plural } from '../src/discord/texts.js';
import { extractQuotes } from '../src/quotes/index.js';

async function loadTarget(target: string): Promise<{ articles: Article[]; skipped: { file: string; reason: string }[] }> {
  if (statSync(target).isDirectory()) return loadCorpus(target);
  const result = await loadArticleFile(path.dirname(target), path.basename(target));
  return isSkippedFile(result) ? { articles: [], skipped: [result] } : { articles: [result], skipped: [] };
}

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const target = argv.find((arg) => !arg.startsWith('--'));
  if (!target) {
    process.stderr.write('usage: npm run quotes -- <file-or-folder> [--json]\n');
    return 2;
  }
  let loaded: Awaited<ReturnType<typeof loadTarget>>;
  try {
    loaded = await loadTarget(target);
  } catch (error) {
    process.stderr.write(`quotes: cannot read ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let count = 0;
  let ms = 0;
  for (const article of loaded.articles) {
    const started = performance.now();
    const quotes = extractQuotes(article);
    ms += performance.now() - started;
    count += quotes.length;
    if (json) {
      const rows = quotes.map(({ quote, speaker, role, kind }) => ({ quote, speaker, role, kind }));
      process.stdout.write(`${JSON.stringify({ file: article.id, quotes: rows })}\n`);
      continue;
    }
    if (quotes.length === 0) continue;
    process.stdout.write(`\n${article.id} — ${article.headline}\n`);
    for (const quote of quotes) {
      const who = quote.speaker ? `${quote.speaker}${quote.role ? `, ${quote.role}` : ''}` : '(speaker not named)';
      process.stdout.write(`  [${quote.kind}] ${who}: ${quote.kind === 'indirect' ? quote.quote : `“${quote.quote}”`}\n`);
    }
  }
  for (const skipped of loaded.skipped) process.stderr.write(`skipped ${skipped.file}: ${skipped.reason}\n`);
  const perArticle = loaded.articles.length > 0 ? ms / loaded.articles.length : 0;
  process.stderr.write(`${plural(loaded.articles.length, 'article')}, ${plural(count, 'quotation')}, ${perArticle.toFixed(3)} ms per article\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
