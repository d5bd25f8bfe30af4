/**
 * Folds every whitespace character (including U+00A0 no-break space, tabs and line breaks) to one plain space
 * and trims, so text from any source compares and indexes the same.
 *
 * @example
 * normalizeText('The\u00a0 Syrian  army\n')
 * // => 'The Syrian army'
 */
export function normalizeText(text: string): string {
  // Most text has single plain spaces only: one scan finds that, and skips rebuilding the string (the replace was
  // a third of a cold start's parsing).
  if (!needsFolding(text)) return text.trim();
  // `\s` in JS covers U+00A0, U+FEFF and the other Unicode space separators.
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `text` holds whitespace other than single plain spaces: any other space character (what `\s` matches), or
 * two plain spaces in a row. A loop over character codes: printable ASCII, nearly every character, costs one
 * comparison (a regular expression for the same took most of the time saved).
 */
function needsFolding(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 32 && code < 0xa0) continue;
    if (code === 32) {
      if (text.charCodeAt(i + 1) === 32) return true;
      continue;
    }
    if (code < 32 ? code >= 9 && code <= 13 : OTHER_SPACE.test(text[i]!)) return true;
  }
  return false;
}

/** One character that `\s` matches (no-break and other Unicode spaces, byte order mark). */
const OTHER_SPACE = /^\s$/;

/**
 * Splits text into blocks separated by blank lines (lines holding only whitespace, no-break spaces included).
 * Each block keeps its raw lines, so callers can still see e.g. a leading no-break space.
 *
 * @example
 * splitBlocks('One\ntwo\n\n\u00a0\nThree')
 * // => [['One', 'two'], ['Three']]
 */
export function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (!/\S/.test(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Removes a UTF-8 byte order mark and turns CRLF / CR line endings into LF.
 *
 * @example
 * cleanSource('\ufeffHeadline\r\n\r\nBody')
 * // => 'Headline\n\nBody'
 */
export function cleanSource(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}
