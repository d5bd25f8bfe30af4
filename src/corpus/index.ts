export type { Article, ArticleFormat, Corpus, Paragraph, ParagraphKind, SkippedFile } from './types.js';
export { ArticleParseError } from './ArticleParseError.js';
export { parseArticle, detectFormat } from './parseArticle.js';
export { loadCorpus, loadArticleFile, loadArticleFileSync, isSkippedFile, listCorpusFiles, loadCorpusFiles, loadCorpusFilesSync, mergeCorpora } from './loadCorpus.js';
export type { LoadOptions } from './loadCorpus.js';
export { normalizeText } from './normalizeText.js';
export { parseDate } from './parseDate.js';
