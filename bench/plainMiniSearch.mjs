// The whole-process baseline of `npm run bench`: what a plain MiniSearch bot would do from a fresh process. Reads
// every .txt/.md file under a folder (first line: headline, the rest: body), indexes title and body with MiniSearch's
// default options, answers each question read from stdin (one a line) with its best 3 results as one JSON line.
// Plain JavaScript on purpose: no compiler, no framework, nothing but MiniSearch.
//   node bench/plainMiniSearch.mjs DIR < questions.txt
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import MiniSearch from 'minisearch';

const dir = process.argv[2];
const documents = [];
const walk = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(txt|md)$/u.test(entry.name) && !/^readme/iu.test(entry.name)) {
      const text = readFileSync(full, 'utf8');
      const cut = text.indexOf('\n');
      documents.push({ id: documents.length, file: path.relative(dir, full), title: text.slice(0, cut).trim(), body: text.slice(cut + 1) });
    }
  }
};
walk(dir);
const index = new MiniSearch({ fields: ['title', 'body'], storeFields: ['file', 'title'] });
index.addAll(documents);
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const results = index.search(line, { prefix: true, fuzzy: 0.2 }).slice(0, 3);
  process.stdout.write(`${JSON.stringify({ question: line, results: results.map((result) => ({ file: result.file, headline: result.title })) })}\n`);
}
