/** Where one quotation sits in a paragraph's text (offsets into that text). */
export interface QuoteSpan {
  /** Offset of the opening quotation mark. */
  open: number;
  /** Offset of the first character inside the marks. */
  contentStart: number;
  /** Offset just past the last character of the quoted words (the closing mark, or the implicit end). */
  contentEnd: number;
  /** Offset just past the span: past the closing mark when there is one, else `contentEnd`. */
  end: number;
  /** False when the paragraph ended before a closing mark: the quotation runs on into the next paragraph. */
  closed: boolean;
  /** Double (`"`, `“`) or single (`'`, `‘`) quotation marks. */
  mark: 'double' | 'single';
}

/** Fewest words a single-quoted span must hold: shorter ones are mostly apostrophes (`rock 'n' roll`). */
const MIN_SINGLE_QUOTED_WORDS = 2;

const isSpace = (char: string | undefined): boolean => char === undefined || char === ' ' || char === '\n' || char === '\t';
const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
/** Characters after which a mark opens a quotation: start of text, space, brackets, dashes. */
const OPENS_AFTER = new Set([undefined, ' ', '\n', '\t', '(', '[', '{', '—', '–', '-', '/']);
/** Characters before which a mark closes a quotation. */
const CLOSES_BEFORE = new Set([undefined, ' ', '\n', '\t', ',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '…']);

function endsSentence(text: string, from: number, to: number): number | null {
  // The last non-space character before `to`: where an implicit close goes when a new quotation opens.
  let index = to - 1;
  while (index >= from && isSpace(text[index])) index -= 1;
  return index >= from ? index + 1 : null;
}

/**
 * Finds the quotations of one paragraph: straight and curly double quotes, and single quotes of two words or more
 * outside double-quoted text. A straight mark opens or closes by what surrounds it; an opening mark met inside an
 * open quotation closes it implicitly (copy that lost a paragraph break: `…26 weeks. "We are…`); a quotation
 * still open at the end of the paragraph is kept, unclosed (it continues in the next paragraph).
 *
 * @example
 * findQuoteSpans('"It is horrible," he said. "Rockets are falling.')
 * // => [{ open: 0, contentStart: 1, contentEnd: 16, end: 17, closed: true, mark: 'double' },
 * //     { open: 27, contentStart: 28, contentEnd: 46, end: 46, closed: false, mark: 'double' }]
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans = findDoubleSpans(text);
  return mergeSingleSpans(text, spans);
}

function findDoubleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let nested = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char !== '"' && char !== '“' && char !== '”' && char !== '„') continue;
    const before = text[index - 1];
    const after = text[index + 1];
    const opener = char === '“' || char === '„' || (char === '"' && OPENS_AFTER.has(before) && !isSpace(after));
    const closer = char === '”' || (char === '"' && !isSpace(before) && CLOSES_BEFORE.has(after));
    if (openAt < 0) {
      // A lone closing mark (no quotation open) is a stray: ignore it.
      if (opener || (!closer && char === '"')) openAt = index;
      continue;
    }
    if (nested) {
      // The closing mark of a quotation inside the quotation: `"I don't like "B" shares," he said`.
      if (closer || char === '"') nested = false;
      continue;
    }
    if (closer || (!opener && char === '"')) {
      spans.push({ open: openAt, contentStart: openAt + 1, contentEnd: index, end: index + 1, closed: true, mark: 'double' });
      openAt = -1;
      continue;
    }
    const implicitEnd = endsSentence(text, openAt + 1, index);
    if (implicitEnd !== null && !/[.!?…,;:]/u.test(text[implicitEnd - 1]!)) {
      // Mid-sentence: a quotation inside the quotation, not a new one.
      nested = true;
      continue;
    }
    // An opening mark after a finished sentence: the first quotation ended without its mark.
    if (implicitEnd !== null) {
      spans.push({ open: openAt, contentStart: openAt + 1, contentEnd: implicitEnd, end: implicitEnd, closed: true, mark: 'double' });
    }
    openAt = index;
  }
  if (openAt >= 0) {
    const contentEnd = endsSentence(text, openAt + 1, text.length) ?? openAt + 1;
    spans.push({ open: openAt, contentStart: openAt + 1, contentEnd, end: contentEnd, closed: false, mark: 'double' });
  }
  return spans.filter((span) => span.contentEnd > span.contentStart);
}

/**
 * Adds the single-quoted spans to the double-quoted ones. A single-quoted quotation may hold double-quoted ones
 * (`He said: 'the minister told me "we will not pay"'`): then it is one quotation, and the inner ones are part of
 * its words, not quotations of their own (as a double-quoted quotation holds single-quoted ones).
 */
function mergeSingleSpans(text: string, doubles: QuoteSpan[]): QuoteSpan[] {
  if (!text.includes("'") && !text.includes('‘')) return doubles;
  const result: QuoteSpan[] = [];
  /** Double spans met while a single quotation was open: kept only if it never closes. */
  let held: QuoteSpan[] = [];
  let pending = -1;
  let cursor = 0;
  const scan = (to: number): void => {
    const found = findSingleSpans(text, cursor, to, pending);
    if (pending >= 0 && (found.spans.length > 0 || found.openAt !== pending)) {
      // The open single quotation closed (or was given up) in this stretch: the held spans are inside it or free.
      if (found.spans[0]?.open !== pending) result.push(...held);
      held = [];
    }
    result.push(...found.spans);
    pending = found.openAt;
  };
  for (const span of doubles) {
    scan(span.open);
    if (pending >= 0) held.push(span);
    else result.push(span);
    cursor = span.end;
  }
  scan(text.length);
  result.push(...held);
  return result;
}

/**
 * The single-quoted spans of `text[from, to)`, and the offset of a quotation still open at `to` (-1 for none).
 * `openAt` continues a quotation opened before `from` (one interrupted by a double-quoted span).
 */
function findSingleSpans(text: string, from: number, to: number, openAt = -1): { spans: QuoteSpan[]; openAt: number } {
  const spans: QuoteSpan[] = [];
  const carried = openAt;
  for (let index = from; index < to; index += 1) {
    const char = text[index];
    if (char !== "'" && char !== '‘' && char !== '’') continue;
    const before = index > from ? text[index - 1] : undefined;
    const after = text[index + 1];
    if (openAt < 0) {
      if ((char === "'" || char === '‘') && OPENS_AFTER.has(before) && /\p{L}/u.test(after ?? '')) openAt = index;
      continue;
    }
    // An apostrophe inside a word (don't, Smiths') is not a closing mark; a closing one is followed by a break.
    // Right after a double-quoted span inside the quotation (`…"we will not pay"'`), the mark closes it too.
    const afterInner = openAt === carried && index === from;
    if (char === '‘' || !(afterInner || isWordChar(before) || /[.,!?]/.test(before ?? '')) || !CLOSES_BEFORE.has(index + 1 < to ? after : undefined)) {
      continue;
    }
    const content = text.slice(openAt + 1, index);
    if (content.trim().split(/\s+/).length >= MIN_SINGLE_QUOTED_WORDS) {
      spans.push({ open: openAt, contentStart: openAt + 1, contentEnd: index, end: index + 1, closed: true, mark: 'single' });
    }
    openAt = -1;
  }
  return { spans, openAt };
}
