/**
 * Abbreviations after which a full stop does not end a sentence (folded, without their last full stop): the one
 * list of the text layer.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'gov', 'pres', 'rev',
  'hon', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'fig', 'approx', 'est', 'dept',
  'univ', 'mt', 'ft',
]);

/**
 * The abbreviations of {@link ABBREVIATIONS} that stand before a name ("Sen. Tom Harkin", "Dr. Ann Lee"): their
 * full stop belongs to the word, so a name read from the text keeps it.
 */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  ['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'lt', 'gen', 'col', 'capt', 'sgt', 'maj', 'prof', 'rev', 'hon', 'st', 'jr', 'sr'].filter((word) =>
    ABBREVIATIONS.has(word),
  ),
);
