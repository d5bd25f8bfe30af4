/** What a paragraph of an article is: running text, a crosshead (sub-heading) or a caption of a picture or video. */
export type ParagraphKind = 'body' | 'crosshead' | 'caption';

/** One paragraph of an article, in reading order. */
export interface Paragraph {
  kind: ParagraphKind;
  /** The text, whitespace normalised (non-breaking spaces folded to plain spaces, runs collapsed, trimmed). */
  text: string;
}

/** The layouts `parseArticle` recognises; detected per file. */
export type ArticleFormat = 'wire' | 'markdown' | 'plain';

/** One news article, as parsed from one file of the seeds folder. */
export interface Article {
  /** Path of the file relative to the seeds folder, with `/` separators: stable across restarts. */
  id: string;
  headline: string;
  /** The summary line under the headline, when the article has one. */
  standfirst: string | null;
  /** Desk or topic, e.g. "Middle East", "business". */
  section: string | null;
  /** Finer topics from the front matter's `tags` (e.g. "Iraq war"), in the file's order; empty when none. */
  tags: string[];
  /** The outlet, e.g. "Al Jazeera", "Wikinews". */
  source: string | null;
  /** ISO 8601 date ("2005-10-14") or local date-time ("2012-02-06T15:55") as printed; null when unknown. */
  date: string | null;
  url: string | null;
  byline: string | null;
  /** The credit line at the foot of the article, e.g. "Al Jazeera and agencies". */
  credit: string | null;
  /** Licence of the text, e.g. "CC BY 2.5", when the file states one. */
  license: string | null;
  format: ArticleFormat;
  paragraphs: Paragraph[];
}

/** A file of the seeds folder that was not loaded, and why. */
export interface SkippedFile {
  /** Path relative to the seeds folder. */
  file: string;
  /** Human-readable reason, e.g. "empty file", "not UTF-8 text", "larger than 2 MB". */
  reason: string;
}

/** The result of loading a folder: the articles, in id order, and the files that were skipped. */
export interface Corpus {
  articles: Article[];
  skipped: SkippedFile[];
}
