import { foldText } from '../text/index.js';
import { ORGANISATION_WORDS, TITLES } from './vocabulary.js';

/**
 * Folds a name for comparison: accents removed, lower case, punctuation dropped, spaces collapsed. The text layer's
 * one normalisation ({@link foldText}), so that names and the quotations searched by text fold alike.
 *
 * @example
 * foldName('Alain  Juppé')
 * // => 'alain juppe'
 */
export const foldName = (name: string): string => foldText(name);

/** Countries and their adjectives that qualify an organisation's name ("US", "UK", "British", "American"). */
const COUNTRY_QUALIFIERS = new Set(['us', 'usa', 'uk', 'british', 'american', 'australian', 'canadian', 'french', 'german', 'eu', 'european', 'federal']);

/**
 * Suffixes that are no part of who speaks, folded: a company's legal form ("Inc", "Ltd", "Corp", "plc") and a
 * lawyer's rank ("QC"). "Texaco Inc" is Texaco and "Guy Mansfield QC" is Guy Mansfield.
 */
const NAME_SUFFIXES = new Set(['inc', 'ltd', 'corp', 'co', 'plc', 'llc', 'limited', 'incorporated', 'corporation', 'qc', 'kc']);
/** Suffixes that may also end a person's name ("Nguyen Sa"): folded only after a name of two words or more. */
const SHORT_NAME_SUFFIXES = new Set(['ag', 'nv', 'sa']);

/**
 * The words of a name without leading titles ("Mr", "President", "Foreign Secretary"): the key under which one
 * person is found across articles, whatever the case, accents or title.
 *
 * @example
 * speakerKey('Mr Juppé')
 * // => 'juppe'
 * speakerKey('President Nicolas Sarkozy')
 * // => 'nicolas sarkozy'
 * speakerKey('George W. Bush')
 * // => 'george bush'
 * speakerKey('Caesars World Inc')
 * // => 'caesars world'
 * speakerKey('Guy Mansfield QC')
 * // => 'guy mansfield'
 */
export function speakerKey(name: string): string {
  const words = foldName(name).split(' ').filter((word) => word !== '');
  let start = 0;
  while (start < words.length - 1 && (TITLES.has(words[start]!) || words[start] === 'the')) start += 1;
  // "U.S. Department of Homeland Security" is the Department of Homeland Security: a country before an organisation's
  // own name of two words or more is no part of it ("British Airways" keeps its one word).
  const country = words[start] === 'u' && words[start + 1] === 's' ? 2 : COUNTRY_QUALIFIERS.has(words[start] ?? '') ? 1 : 0;
  const rest = words.slice(start + country);
  if (country > 0 && rest.length >= 2 && rest.some((word) => ORGANISATION_WORDS.has(word))) start += country;
  // "Caesars World Inc" is Caesars World and "Texaco Inc" is Texaco: a legal suffix is no part of who speaks.
  let end = words.length;
  while (end - start > 1 && (NAME_SUFFIXES.has(words[end - 1]!) || (end - start > 2 && SHORT_NAME_SUFFIXES.has(words[end - 1]!)))) end -= 1;
  // Middle initials do not split a person: "George W. Bush" is "George Bush".
  return words.slice(start, end).filter((word, index, kept) => word.length > 1 || index === 0 || index === kept.length - 1).join(' ');
}

/**
 * Generation marks after a surname, folded: "L.C. Duncan Jr." is Mr Duncan. Kept in the key, since "Robert Halmi Sr"
 * and "Robert Halmi Jr" are two people, but never the surname.
 */
const GENERATION_SUFFIXES = new Set(['jr', 'sr']);

/** The surname among a key's words: the last, or the one before a generation mark ("duncan" of "l duncan jr"). */
function surnameOf(words: readonly string[]): string {
  const last = words.length - 1;
  return (last > 0 && GENERATION_SUFFIXES.has(words[last]!) ? words[last - 1] : words[last]) ?? '';
}

/**
 * The surname part of a speaker key: its last word ("alain juppe" → "juppe"), before a generation mark.
 *
 * @example
 * surnameKey('Alain Juppé')
 * // => 'juppe'
 * surnameKey('L.C. Duncan Jr.')
 * // => 'duncan'
 */
export function surnameKey(name: string): string {
  return surnameOf(speakerKey(name).split(' '));
}

/**
 * True when two speaker names denote the same speaker: their keys agree, or one is a surname of the other
 * ("Juppe" and "Alain Juppé"). Two different full names with the same surname do not agree.
 *
 * @example
 * sameSpeaker('Mr Juppe', 'Alain Juppé')
 * // => true
 * sameSpeaker('Tony Blair', 'Cherie Blair')
 * // => false
 * sameSpeaker('Duncan', 'L.C. Duncan Jr.')
 * // => true
 */
export function sameSpeaker(a: string, b: string): boolean {
  const keyA = speakerKey(a);
  const keyB = speakerKey(b);
  if (keyA === '' || keyB === '') return false;
  if (keyA === keyB) return true;
  const wordsA = keyA.split(' ');
  const wordsB = keyB.split(' ');
  if (wordsA.length > 1 && wordsB.length > 1) return false;
  return surnameOf(wordsA) === surnameOf(wordsB);
}
