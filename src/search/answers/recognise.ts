/**
 * A hand-written recogniser of the answers a question can expect in a sentence: amounts of money, percentages,
 * quantities, dates, names, reasons, quotations and acronym definitions. Every pattern is linear (no nested or
 * overlapping quantifiers), so any input is safe; sentences are cut to {@link MAX_SENTENCE_LENGTH} first.
 */

/** What kind of answer a span is. */
export type SpanType = 'money' | 'percent' | 'quantity' | 'frequency' | 'date' | 'name' | 'reason' | 'quote' | 'definition';

/** One recognised answer in a sentence: `text` is `sentence.slice(start, end)`. */
export interface AnswerSpan {
  type: SpanType;
  start: number;
  end: number;
  text: string;
}

/** Longer sentences are cut before recognising: no sentence of news needs more. */
export const MAX_SENTENCE_LENGTH = 2_000;

const SCALE = String.raw`(?:\s?(?:million|billion|trillion|billon|mln|bn|m|k)\b)?`;
const CURRENCY_WORD = '(?:dlrs?|dollars?|euros?|pounds?|stg|sterling|yen|pesos|rupees?|rupee|guilders|francs|marks|lira|yuan|cents)';
/** A number, read from its first digit only (a match tried inside a run of digits would make the scan quadratic). */
const NUMBER = String.raw`(?<![\d,.])\d[\d,.]*`;
const WORD_NUMBER =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens';

const MONEY = new RegExp(
  String.raw`(?:US\$|A\$|NZ\$|[$£€¥])\s?${NUMBER}${SCALE}|(?:${NUMBER}|(?:${WORD_NUMBER}))${SCALE}\s(?:(?:U\.S\.|US|Australian|Indian|Canadian|N\.Z\.)\s)?${CURRENCY_WORD}\b`,
  'giu',
);
const PERCENT = new RegExp(String.raw`${NUMBER}\s?(?:%|per\s?cent\b|pct\b|percent\b)|\b(?:${WORD_NUMBER})\s(?:per\s?cent|pct|percent)\b`, 'giu');
/** A number that is not an ordinal ("5th", "21st" rank, they do not count). */
const COUNT = String.raw`(?<![\d,.])\d[\d,.]*(?![\d,]|(?:st|nd|rd|th)\b)`;
const QUANTITY = new RegExp(
  String.raw`${COUNT}(?:(?:m|km|kg|mph)\b)?${SCALE}(?:[\s-](?:[a-z][a-z-]*))?|\b(?:${WORD_NUMBER})\b(?:[\s-](?:[a-z][a-z-]*))?`,
  'giu',
);
/**
 * "almost a million", "half a billion", "a third of": amounts said in words that {@link QUANTITY} misses (it reads "a
 * million" as no number at all); "almost 85%", "nearly 2,000" and "two-thirds" are read by the patterns above. A
 * fraction counts only of something ("a third of the population"), not as a rank ("added a third").
 */
const WORD_AMOUNT =
  /\b(?:(?:a|half\sa)\s(?:million|billion|trillion|thousand|hundred|dozen)|a\s(?:half|third|quarter|fifth|tenth)(?=\sof\b))\b/giu;
const UNIT_OF_TIME = '(?:second|minute|hour|day|night|week|fortnight|month|quarter|season|year|decade|century)';
/** "six to 10 times", "several times", "twice": a count of occurrences. */
const TIMES = String.raw`(?:twice|thrice|(?:(?:\d+|${WORD_NUMBER})\s(?:to|or)\s)?(?:\d+|${WORD_NUMBER}|several|many|few)\stimes)`;
/**
 * How often: "six to 10 times a year", "twice a week", "once every four years", "every year", "annually". "N times"
 * alone counts ("met three times"), not when it compares ("three times as large", "10 times more").
 */
const FREQUENCY = new RegExp(
  [
    String.raw`\b(?:once|${TIMES})\s(?:a|an|per|each|every)\s(?:(?:\d+|${WORD_NUMBER})\s)?${UNIT_OF_TIME}s?\b`,
    String.raw`\b${TIMES}(?!\s(?:a|an|per|each|every|as|more|less|higher|lower|greater|larger|bigger|smaller|faster|over|the)\b)`,
    String.raw`\bevery\s(?:(?:\d+|other|${WORD_NUMBER})\s)?${UNIT_OF_TIME}s?\b`,
    String.raw`\b(?:annually|yearly|monthly|weekly|fortnightly|daily|hourly|nightly)\b`,
  ].join('|'),
  'giu',
);
/**
 * Reason cues that say little: "for", "from", "by", "over", "after", "following", "amid", "since" start a reason
 * now and then, a purpose, a time or an agent more often ("a record for Christmas Day", "over the past year");
 * "because", "due to", "blamed on" … always give one. Why-questions prefer a strong cue (issue #10).
 */
const WEAK_REASON_CUE = /^(?:for|from|by|over|after|following|amid|since)\b/iu;

/**
 * A purpose said with a verb of its own: "rejected a request … to stop them losing orders", "adopted the move to obtain
 * financing". It answers "why" with no cue word, but such an infinitive completes a verb as often ("agreed to halt
 * production"), so it is a weak cue: strong only right after the question's words or after a word that makes it a
 * purpose ({@link PURPOSE_HEAD}) (issue #10).
 */
const PURPOSE_CUE = /^to\s/iu;

/**
 * Words that make the "to …" after them a purpose whatever verb precedes: "the decision was made to protect the safety
 * of …", "designed to prevent", "adopted the move to obtain financing" (issue #10). Read on the 40 characters before the
 * cue. "In an attempt to" is left weak: on dev it put a second story of the same attempt above the one asked about.
 */
const PURPOSE_HEAD = /\b(?:made|taken|designed|intended|meant|aimed|(?:the|this|that)\s(?:move|decision|step|measure))\s$/iu;

/** A weak cue followed by a number says how much: "over 1.24 mln", "by 20 pct", "for about $40", "from 21.5 pct". */
const AMOUNT_AFTER_CUE = /^\s(?:(?:about|around|nearly|almost|some|roughly|just|more\sthan|less\sthan|up\sto)\s)?(?:US\$|A\$|[$£€¥])?\d/iu;

/** Whether a reason span opens with a weak cue ("for …", "after …", "to stop …") rather than a strong one ("because …"). */
export function isWeakReason(span: AnswerSpan): boolean {
  return span.type === 'reason' && (WEAK_REASON_CUE.test(span.text) || PURPOSE_CUE.test(span.text));
}

/**
 * Whether a "to …" reason span of `sentence` follows a word that makes it a purpose ({@link PURPOSE_HEAD}): "the
 * decision was made to protect …" answers "why" as surely as "because" does.
 * @example isStatedPurpose(span, 'The barrier was designed to prevent floods.') // => true for the span "to prevent floods"
 */
export function isStatedPurpose(span: AnswerSpan, sentence: string): boolean {
  return span.type === 'reason' && PURPOSE_CUE.test(span.text) && PURPOSE_HEAD.test(sentence.slice(Math.max(0, span.start - 40), span.start));
}

/**
 * A number (money, a count in figures or words, with its scale and a bracketed conversion) and the space or hyphen
 * after it, from the start of a span to a word: "674 million mobiles", "80-room", "$27.5bn (£13bn) tax demand", "11
 * nominations". Linear: each part is bounded or stops at a character the next cannot start with.
 */
const COUNTING = new RegExp(
  String.raw`^(?:US\$|A\$|NZ\$|[$£€¥])?\s?(?:\d[\d,.]*|(?:${WORD_NUMBER}))(?:\s?(?:million|billion|trillion|mln|bn|m|k|thousand|hundred)\b)?(?:\s\([^()]{1,30}\))?[\s-]$`,
  'iu',
);
/** Longest stretch from a number to the word it counts ("US$ 1,234,567.89 million (£123.4 million) "). */
const MAX_COUNTING = 60;

/**
 * Whether the number opening `span` counts the word at offset `at` of `sentence`, that word standing right after it
 * ("674 million mobiles were sold" counts mobiles; "mobiles rose by 674 million" does not): the answer to "how many
 * mobiles" names what it counts.
 * @example countsWordAt('Savarino plans an 80-room hotel.', { type: 'quantity', start: 17, end: 24, text: '80-room' }, 20) // => true
 */
export function countsWordAt(sentence: string, span: AnswerSpan, at: number): boolean {
  return at > span.start && at - span.start <= MAX_COUNTING && COUNTING.test(sentence.slice(span.start, at));
}

/** "one", or "one" and a small word ("one of", "one the"): not a count. */
const LONE_ONE = /^one(?:\s(?:of|the|a|an|in|on|at|to|for|by|who|that|which|is|was|has|had|and|or|but))?$/iu;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/**
 * What a cue followed by a time says is when or how long, not why: "for the first time", "over the past year",
 * "after 31 minutes", "since 1990", "for three days", "for Christmas Day" (issue #10).
 */
const TIME_AFTER_CUE = new RegExp(
  String.raw`^\s(?:(?:the|a|an|this|that|its|his|her|their)\s)?(?:(?:first|second|third|last|past|next|previous|coming|same|whole|entire|full|several|many|few|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s){0,2}(?:${UNIT_OF_TIME}s?|time|times|moment|while|weekend|christmas|easter|(?:1[89]|20)\d\d)\b|^\s(?:${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:1[89]|20)\d\d)\b`,
  'iu',
);

const DATE = new RegExp(
  String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?)?(?:${MONTHS})\b\.?(?:\s\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s(?:1[89]|20)\d\d\b)?|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:1[89]|20)\d\d\b|\b(?:yesterday|today|tomorrow)\b`,
  'gu',
);
/**
 * Cues of a reason; "of" only right after a verb of dying ("died of pancreatic cancer": a cause of death); "saying" and
 * "citing" only after a comma or a dash, where they give the actor's stated motive ("has taken them off its website,
 * saying members preferred other posters"), not what was said on another occasion.
 */
const REASON_CUE =
  /(?<=\b(?:die|died|dies|dying)\s)of\b|(?<=[,–—-]\s)(?:saying|citing)\b|\b(?:because(?:\sof)?|due\sto|after|over|as\sa\sresult\sof|following|amid|since|owing\sto|blamed\son|caused\sby|thanks\sto|in\sorder\sto|in\sprotest\s(?:at|against|over)|to\s(?:stop|prevent|avoid|halt|curb|protect|obtain|ensure)|for|from|by)\b/giu;
/** A quotation: straight or curly double quotes, at most 600 characters inside (bounded: linear). */
const QUOTE = /["“]([^"“”]{3,600})["”]/gu;
const ACRONYM = /\((\p{Lu}[\p{Lu}\d&]{1,9})\)/gu;
/** A name-like word: capitalised, possibly with inner capitals, apostrophes, hyphens or dots (initials). */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** Small words that may sit inside a name ("Bank of England", "bin Laden", "Cie Generale d'Electricite"). */
const NAME_JOINERS = new Set(['of', 'de', 'del', 'da', 'bin', 'al', 'van', 'von', 'der', 'la', 'le', 'and', 'the', '&']);

function collect(pattern: RegExp, text: string, type: SpanType, out: AnswerSpan[], group = 0): void {
  for (const match of text.matchAll(pattern)) {
    const whole = match[0];
    const part = match[group] ?? whole;
    const start = match.index + (group === 0 ? 0 : whole.indexOf(part));
    const trimmed = part.replace(/[\s,.;:]+$/u, '');
    if (trimmed.length > 0) out.push({ type, start, end: start + trimmed.length, text: trimmed });
  }
}

/** Runs of capitalised words (with joiners inside), e.g. "Prime Minister Hashim Thaçi", "Bank of England". */
function names(text: string, out: AnswerSpan[]): void {
  const tokens = [...text.matchAll(/[^\s,;:!?()"“”]+/gu)];
  let i = 0;
  while (i < tokens.length) {
    if (!CAPITALISED.test(tokens[i]![0])) {
      i += 1;
      continue;
    }
    let j = i + 1;
    let last = i;
    while (j < tokens.length) {
      const word = tokens[j]![0];
      const previous = tokens[j - 1]!;
      // Punctuation between two words ends the name: "Board, AWB", "Organisation (WTO)".
      if (text.slice(previous.index + previous[0].length, tokens[j]!.index).trim() !== '') break;
      if (CAPITALISED.test(word)) last = j;
      else if (!NAME_JOINERS.has(word.toLowerCase())) break;
      j += 1;
    }
    const from = tokens[i]!.index;
    const token = tokens[last]!;
    const end = token.index + token[0].replace(/[.'’]+$/u, '').length;
    out.push({ type: 'name', start: from, end, text: text.slice(from, end) });
    i = last + 1;
  }
}

/** Clauses introduced by a reason cue ("because …", "due to …", "after …"), up to the next clause break. */
function reasons(text: string, out: AnswerSpan[]): void {
  for (const match of text.matchAll(REASON_CUE)) {
    const from = match.index;
    const rest = text.slice(from, from + 200);
    const afterCue = rest.slice(match[0].length);
    const stop = /[,;:.!?](?:\s|$)|\s(?:and|but|while|which)\s/u.exec(afterCue);
    const end = from + match[0].length + (stop ? stop.index : Math.min(afterCue.length, 120));
    // "for the first time", "over the past year", "after 31 minutes", "for Christmas Day": a time, not a reason;
    // "over 1.24 mln intis", "by 20 pct", "for about $40": an amount
    // ("blamed on Christmas falling over a weekend" is one: a strong cue gives a reason whatever follows).
    if (WEAK_REASON_CUE.test(match[0]) && (TIME_AFTER_CUE.test(afterCue) || AMOUNT_AFTER_CUE.test(afterCue))) continue;
    if (end - from > match[0].length + 2) out.push({ type: 'reason', start: from, end, text: text.slice(from, end) });
  }
}

/** "International Monetary Fund (IMF)": the capitalised words before the bracket whose initials spell the acronym. */
export function acronymDefinitions(text: string): { acronym: string; expansion: string; start: number; end: number }[] {
  const found: { acronym: string; expansion: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(ACRONYM)) {
    const acronym = match[1]!;
    const beforeStart = Math.max(0, match.index - 160);
    const before = text.slice(beforeStart, match.index).trimEnd();
    const words = before.split(/\s+/u);
    const initials = acronym.replace(/[^\p{Lu}]/gu, '');
    const picked: string[] = [];
    let letters = '';
    for (let k = words.length - 1; k >= 0 && picked.length < 12; k -= 1) {
      const word = words[k]!;
      picked.unshift(word);
      // "radio frequency ID (RFID)": a short all-capitals word gives all its letters, a joiner none, others their first.
      if (/^\p{Lu}{2,4}$/u.test(word)) letters = word + letters;
      else if (!NAME_JOINERS.has(word.toLowerCase()) && /^\p{L}/u.test(word)) letters = word[0]!.toUpperCase() + letters;
      if (letters.length >= initials.length) break;
    }
    if (letters.toUpperCase() !== initials.toUpperCase() || picked.length === 0) continue;
    const expansion = picked.join(' ').replace(/^[^\p{L}]+/u, '');
    const start = beforeStart + before.lastIndexOf(expansion);
    found.push({ acronym, expansion, start, end: start + expansion.length });
  }
  return found;
}

/**
 * The answers of every type that `sentence` holds, in no particular order.
 * @example recognise('Chelsea would receive £60 million each year').map((span) => span.type) // includes 'money'
 */
export function recognise(sentence: string): AnswerSpan[] {
  const text = sentence.length > MAX_SENTENCE_LENGTH ? sentence.slice(0, MAX_SENTENCE_LENGTH) : sentence;
  const out: AnswerSpan[] = [];
  collect(MONEY, text, 'money', out);
  collect(PERCENT, text, 'percent', out);
  collect(QUANTITY, text, 'quantity', out);
  // "one of", "one 5th", "is one": "one" alone is a pronoun or an article far more often than a count.
  for (let k = out.length - 1; k >= 0; k -= 1) if (out[k]!.type === 'quantity' && LONE_ONE.test(out[k]!.text)) out.splice(k, 1);
  collect(WORD_AMOUNT, text, 'quantity', out);
  collect(FREQUENCY, text, 'frequency', out);
  collect(DATE, text, 'date', out);
  collect(QUOTE, text, 'quote', out, 1);
  names(text, out);
  reasons(text, out);
  for (const { expansion, start, end } of acronymDefinitions(text)) out.push({ type: 'definition', start, end, text: expansion });
  return out;
}

/**
 * Whether offset `at` of `sentence` stands inside a quotation opened in the sentence (an odd number of marks before it):
 * `insideQuotation(s, s.length)` when `s` leaves a quotation open for the next sentence.
 * @example insideQuotation('He said: "We will act.', 22) // => true
 */
export function insideQuotation(sentence: string, at: number): boolean {
  let marks = 0;
  for (let k = 0; k < at; k += 1) if (QUOTE_MARKS.has(sentence[k]!)) marks += 1;
  return marks % 2 === 1;
}

/** The marks that open or close a quotation in news text (straight and curly double quotes). */
const QUOTE_MARKS = new Set(['"', '“', '”']);
