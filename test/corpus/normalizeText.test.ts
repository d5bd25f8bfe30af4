import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/corpus/normalizeText.js';

/** What normalizeText promises, written the plain way: every run of whitespace one space, then trimmed. */
const folded = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every character `\s` matches, and some that it does not (zero-width space, word joiner, next line). */
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const NOT_SPACES = ['\u200b', '\u2060', '\u0085', '\u180e', 'a', 'é', '.', '1'];

describe('normalizeText', () => {
  it('folds each kind of whitespace and each run of spaces into one plain space, and trims', () => {
    expect(normalizeText('The\u00a0 Syrian  army\n')).toBe('The Syrian army');
    expect(normalizeText('  two  spaces  ')).toBe('two spaces');
    for (const space of SPACES) expect(normalizeText(`a${space}b`), JSON.stringify(space)).toBe('a b');
    for (const other of NOT_SPACES) expect(normalizeText(`a${other}b`), JSON.stringify(other)).toBe(`a${other}b`);
  });

  it('leaves text of single plain spaces as it is, only trimmed', () => {
    expect(normalizeText(' The harbour reopened on Friday. ')).toBe('The harbour reopened on Friday.');
    expect(normalizeText('')).toBe('');
  });

  it('agrees with a plain replace of every whitespace run, on any mix of spaces and other characters', () => {
    const character = fc.constantFrom(...SPACES, ...NOT_SPACES);
    fc.assert(
      fc.property(fc.oneof(fc.array(character, { maxLength: 40 }).map((chars) => chars.join('')), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        expect(normalizeText(text)).toBe(folded(text));
      }),
      { numRuns: 500 },
    );
  });
});
