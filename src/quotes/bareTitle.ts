import { ORGANISATION_WORDS, ROLE_NOUNS, TITLES } from './vocabulary.js';

/** Words that qualify a title without naming anyone: "Prime" Minister, "Foreign" Secretary, "Press" Secretary. */
const TITLE_QUALIFIERS = new Set([
  'prime', 'foreign', 'home', 'first', 'shadow', 'interior', 'finance', 'defence', 'defense', 'justice', 'health',
  'education', 'transport', 'trade', 'press', 'state', 'general', 'acting', 'former', 'then', 'new', 'top', 'junior',
  'of', 'the', 'for', 'and', 'elect', 'president-elect', 'in', 'waiting', 'supreme', 'grand', 'majority', 'minority',
]);

/**
 * True when a speaker name is only a title or a role, with no one's name in it ("Prime Minister", "President",
 * "Ms.", "Foreign Secretary", "the minister"): such a name is never shown as a speaker, nor offered as one.
 * Organisations ("White House", "Foreign Office") are not titles.
 *
 * @example
 * isBareTitle('Prime Minister') // => true
 * isBareTitle('Ms.') // => true
 * isBareTitle('Prime Minister John Howard') // => false
 * isBareTitle('Foreign Office') // => false
 */
export function isBareTitle(name: string): boolean {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  if (known.size >= CACHE_SIZE) known.clear();
  const words = name.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter((word) => word !== '');
  const bare = words.length > 0 &&
    words.every((word) => !ORGANISATION_WORDS.has(word) && (TITLES.has(word) || ROLE_NOUNS.has(word) || TITLE_QUALIFIERS.has(word))) &&
    words.some((word) => TITLES.has(word) || ROLE_NOUNS.has(word));
  known.set(name, bare);
  return bare;
}

/** Speaker names repeat across a coverage: each is judged once. */
const known = new Map<string, boolean>();
const CACHE_SIZE = 50_000;
