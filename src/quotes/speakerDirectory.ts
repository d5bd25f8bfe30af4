import { finishNow, type Steps } from '../search/steps.js';
import { boundedDistance } from '../text/index.js';
import type { Quote } from './types.js';
import { isBareTitle } from './bareTitle.js';
import { foldName, speakerKey } from './speakerName.js';
import { SUBJECT_PRONOUNS } from './vocabulary.js';

/** One speaker across the coverage: every spelling of the name is one entry. */
export interface SpeakerSummary {
  /** The fullest, most used spelling ("Alain Juppe"). */
  name: string;
  /** The normalised key (accents, case and titles dropped): "alain juppe". */
  key: string;
  /** How many quotations the speaker has, all kinds. */
  count: number;
  /** Roles the articles give the speaker, most frequent first (at most three). */
  roles: string[];
  /** Other spellings met ("Juppe", "Alain Juppé"). */
  aliases: string[];
}

/** Typos forgiven per typed character in a fuzzy match (at least one): "alain jupe" may be two edits away. */
const FUZZY_ERRORS_PER_CHARACTER = 0.25;
/** Fuzzy suggestions look only at the most quoted speakers, so that they stay fast on a large coverage (the scan
 * measures every name: a few milliseconds for 1,000 names). */
const FUZZY_POOL = 1000;
/** Speakers restored per step of {@link SpeakerDirectory.restoring}: a few milliseconds. */
const RESTORE_STEP = 1000;
/** Quotations of a speaker that weigh as much as one more speaker in a step of {@link SpeakerDirectory.restoring}. */
const RESTORE_QUOTES_PER_SPEAKER = 20;
/** Below this length a prefix matches so many names that scanning the ranked list stops early anyway. */
const WORD_INDEX_MIN_PREFIX = 3;

interface Entry extends SpeakerSummary {
  folded: string;
  quotes: Quote[];
}

const CAPITALISED = /^\p{Lu}/u;
/** Pronouns a quotation may be left with as its speaker ("I", "It"): no one to offer by name. */
const PRONOUN_NAMES = new Set([...SUBJECT_PRONOUNS].map((pronoun) => pronoun[0]!.toUpperCase() + pronoun.slice(1)));

/**
 * How many edits turn `typed` into the start of `name` or of one of its later words (typed text is a prefix, maybe of
 * a surname), or `max + 1` when more than `max`: the text layer's bounded edit distance against the name's prefixes
 * as long as `typed`, give or take `max` characters.
 * @example typedNameDistance('alain jupe', 'alain juppe', 2) // => 1
 */
function typedNameDistance(typed: string, name: string, max: number): number {
  let best = max + 1;
  for (let from = 0; from !== -1 && best > 0; from = name.indexOf(' ', from) === -1 ? -1 : name.indexOf(' ', from) + 1) {
    const tail = name.slice(from);
    for (let length = Math.max(1, typed.length - max); length <= typed.length + max && best > 0; length += 1) {
      best = Math.min(best, boundedDistance(typed, tail.slice(0, length), best - 1));
      if (length >= tail.length) break;
    }
  }
  return best;
}

const byRank = (a: Entry, b: Entry): number => b.count - a.count || (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0);

function makeEntry(name: string, key: string, roles: string[], aliases: string[], quotes: Quote[]): Entry {
  return { name, key, count: quotes.length, roles, aliases, folded: foldName(name), quotes };
}

interface SpeakerGroup {
  quotes: number[];
  spellings: Map<string, number>;
  roles: Map<string, number>;
}

/** Moves `from`'s quotations, spellings and roles into `into`. */
function mergeInto(into: SpeakerGroup, from: SpeakerGroup): void {
  into.quotes.push(...from.quotes);
  for (const [spelling, count] of from.spellings) into.spellings.set(spelling, (into.spellings.get(spelling) ?? 0) + count);
  for (const [role, count] of from.roles) into.roles.set(role, (into.roles.get(role) ?? 0) + count);
}

const mostFrequent = (counts: Map<string, number>): string[] =>
  [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([value]) => value);

/** A directory's speakers by key and by surname (the last word of the key). */
interface EntryMaps {
  byKey: Map<string, Entry>;
  bySurname: Map<string, Entry[]>;
}

/**
 * The speakers by key and by surname, pausing after every {@link RESTORE_STEP} (on a reload at 7,050 articles, filling
 * both maps in the constructor was one 15-40 ms block).
 */
function* mappingEntries(entries: readonly Entry[]): Steps<EntryMaps> {
  const byKey = new Map<string, Entry>();
  const bySurname = new Map<string, Entry[]>();
  for (let i = 0; i < entries.length; i += 1) {
    if (i > 0 && i % RESTORE_STEP === 0) yield;
    const entry = entries[i]!;
    byKey.set(entry.key, entry);
    const surname = entry.key.slice(entry.key.lastIndexOf(' ') + 1);
    const list = bySurname.get(surname);
    if (list) list.push(entry);
    else bySurname.set(surname, [entry]);
  }
  return { byKey, bySurname };
}

/** Longest name looked up (Discord caps the option at 100 characters; console mode does not). */
const MAX_NAME_LENGTH = 100;
/** Longest name matched fuzzily: fuzzy matching costs grow with the square of the length. */
const MAX_FUZZY_LENGTH = 32;

/**
 * The speakers of a set of quotations, grouped so that case, accents, titles and a bare surname do not split one
 * person ("Juppé", "Mr Juppe", "Alain Juppe"): a surname alone joins the one full name that ends with it (when
 * there are two, e.g. "Tony Blair" and "Cherie Blair", it stays apart).
 */
/**
 * A built {@link SpeakerDirectory} as plain data (see `toData`): restoring it skips grouping, ranking and sorting,
 * which cost seconds on 500,000 quotations. Quotations are referred to by their position in the quotation list.
 */
export interface SpeakerDirectoryData {
  /** Every speaker as [name, key, roles, aliases, quotation positions]. */
  entries: [string, string, string[], string[], number[]][];
  /** Positions in `entries` of the named speakers autocomplete offers, most quoted first. */
  ranked: number[];
  /** The sorted name words of autocomplete, and the rank of the speaker of each. */
  words: string[];
  ranks: number[];
}

/**
 * The speakers of a set of quotations, grouped so that case, accents, titles and a bare surname do not split one
 * person ("Juppé", "Mr Juppe", "Alain Juppe"): a surname alone joins the one full name that ends with it (when
 * there are two, e.g. "Tony Blair" and "Cherie Blair", it stays apart).
 */
export class SpeakerDirectory {
  readonly #byKey: Map<string, Entry>;
  readonly #bySurname: Map<string, Entry[]>;
  /** Named speakers (capitalised), most quoted first: what autocomplete offers. */
  readonly #ranked: Entry[];
  /** Every name and every word of a name, folded and sorted, with the rank of its speaker: prefix search by bisection. */
  readonly #words: string[];
  readonly #ranks: number[];
  /** The most quoted speakers, the only ones matched fuzzily. */
  readonly #fuzzyPool: Entry[];
  /** Each speaker's quotation positions and rank positions, kept for `toData`. */
  readonly #data: Pick<SpeakerDirectoryData, 'ranked'> & { positions: number[][] };

  private constructor(entries: Entry[], maps: EntryMaps, positions: number[][], ranked: number[], words: string[], ranks: number[]) {
    this.#byKey = maps.byKey;
    this.#bySurname = maps.bySurname;
    this.#ranked = ranked.map((position) => entries[position]!);
    this.#data = { ranked, positions };
    this.#words = words;
    this.#ranks = ranks;
    this.#fuzzyPool = this.#ranked.slice(0, FUZZY_POOL);
  }

  /**
   * Groups the speakers of `quotes`.
   * @example SpeakerDirectory.fromQuotes(extractQuotes(seed)).find('juppé')?.name // => 'Alain Juppe'
   */
  static fromQuotes(quotes: readonly Quote[]): SpeakerDirectory {
    const groups = new Map<string, SpeakerGroup>();
    const keys = new Map<string, string>();
    quotes.forEach((quote, position) => {
      if (quote.speaker === null) return;
      let key = keys.get(quote.speaker);
      if (key === undefined) keys.set(quote.speaker, (key = speakerKey(quote.speaker)));
      if (key === '') return;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { quotes: [], spellings: new Map(), roles: new Map() }));
      group.quotes.push(position);
      group.spellings.set(quote.speaker, (group.spellings.get(quote.speaker) ?? 0) + 1);
      if (quote.role) group.roles.set(quote.role, (group.roles.get(quote.role) ?? 0) + 1);
    });
    // A full name behind a title or a place the title list does not know ("USA Barack Obama", "United States
    // President-elect Barack Obama") joins the shorter full name it ends with ("Barack Obama").
    for (const [key, group] of [...groups]) {
      const words = key.split(' ');
      for (let start = 1; start <= words.length - 2; start += 1) {
        const target = groups.get(words.slice(start).join(' '));
        if (!target || target === group) continue;
        mergeInto(target, group);
        groups.delete(key);
        break;
      }
    }
    // A bare surname joins the single full name ending with it.
    const fullBySurname = new Map<string, string[]>();
    for (const key of groups.keys()) {
      const words = key.split(' ');
      if (words.length < 2) continue;
      const surname = words[words.length - 1]!;
      const list = fullBySurname.get(surname);
      if (list) list.push(key);
      else fullBySurname.set(surname, [key]);
    }
    for (const [key, group] of groups) {
      if (key.includes(' ')) continue;
      const full = fullBySurname.get(key);
      if (full?.length !== 1) continue;
      mergeInto(groups.get(full[0]!)!, group);
      groups.delete(key);
    }
    const entries: Entry[] = [];
    const wordCount = (spelling: string): number => {
      let key = keys.get(spelling);
      if (key === undefined) keys.set(spelling, (key = speakerKey(spelling)));
      return key.split(' ').length;
    };
    for (const [key, group] of groups) {
      const spellings = mostFrequent(group.spellings);
      // The name shown is a spelling of the group's own key ("Alain Juppe", not "Juppe" nor "USA Alain Juppe").
      const own = spellings.filter((spelling) => keys.get(spelling) === key);
      const name = own[0] ?? [...spellings].sort((a, b) => wordCount(b) - wordCount(a))[0]!;
      const roles = mostFrequent(group.roles).slice(0, 3);
      const aliases = spellings.filter((spelling) => spelling !== name);
      entries.push(makeEntry(name, key, roles, aliases, group.quotes.map((position) => quotes[position]!)));
    }
    // Autocomplete offers people and organisations by name: never a description, a bare title ("Prime Minister") nor
    // a pronoun (a reader's "I agree that …", "It said" left unresolved).
    const ranked = [...entries.keys()].filter((position) => {
      const name = entries[position]!.name;
      return CAPITALISED.test(name) && !isBareTitle(name) && !PRONOUN_NAMES.has(name);
    });
    ranked.sort((a, b) => byRank(entries[a]!, entries[b]!));
    const named = ranked.map((position) => entries[position]!);
    const words: { word: string; rank: number }[] = [];
    named.forEach((entry, rank) => {
      const parts = entry.folded.split(' ');
      words.push({ word: entry.folded, rank });
      for (let i = 1; i < parts.length; i += 1) words.push({ word: parts.slice(i).join(' '), rank });
    });
    words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.rank - b.rank));
    const positions = [...groups.values()].map((group) => group.quotes);
    return new SpeakerDirectory(entries, finishNow(mappingEntries(entries)), positions, ranked, words.map((item) => item.word), words.map((item) => item.rank));
  }

  /**
   * Restores a directory from {@link SpeakerDirectory.toData}'s output over the same `quotes`, without grouping again.
   * @example SpeakerDirectory.fromData(directory.toData(), quotes).size === directory.size // => true
   */
  static fromData(data: SpeakerDirectoryData, quotes: readonly Quote[]): SpeakerDirectory {
    return finishNow(SpeakerDirectory.restoring(data, quotes));
  }

  /**
   * {@link fromData} in steps of {@link RESTORE_STEP} speakers (run with `finishInSteps` while the bot answers: a
   * reload), so that folding every name does not hold the event loop in one block (0.1 s at 7,050 articles on a busy machine).
   * @example (await finishInSteps(SpeakerDirectory.restoring(directory.toData(), quotes))).size === directory.size // => true
   */
  static *restoring(data: SpeakerDirectoryData, quotes: readonly Quote[]): Steps<SpeakerDirectory> {
    const entries = new Array<Entry>(data.entries.length);
    // A step ends after RESTORE_STEP speakers or as many quotations: one speaker may have tens of thousands.
    let work = 0;
    for (let i = 0; i < entries.length; i += 1) {
      if (work >= RESTORE_STEP) {
        work = 0;
        yield;
      }
      const [name, key, roles, aliases, positions] = data.entries[i]!;
      entries[i] = makeEntry(name, key, roles, aliases, positions.map((position) => quotes[position]!));
      work += 1 + positions.length / RESTORE_QUOTES_PER_SPEAKER;
    }
    yield;
    const maps = yield* mappingEntries(entries);
    const positions = data.entries.map((entry) => entry[4]);
    return new SpeakerDirectory(entries, maps, positions, data.ranked, data.words, data.ranks);
  }

  /** The directory as plain data, for saving. */
  toData(): SpeakerDirectoryData {
    const entries = [...this.#byKey.values()];
    return {
      entries: entries.map((entry, i) => [entry.name, entry.key, entry.roles, entry.aliases, this.#data.positions[i]!]),
      ranked: this.#data.ranked,
      words: this.#words,
      ranks: this.#ranks,
    };
  }

  /** How many distinct speakers there are. */
  get size(): number {
    return this.#byKey.size;
  }

  /**
   * The speaker a typed name denotes: the same key, else the most quoted speaker with that surname, else the
   * closest name (fuzzy). Null when nothing is close.
   * @example directory.find('juppé')?.name // => 'Alain Juppe'
   */
  find(name: string): (SpeakerSummary & { quotes: readonly Quote[] }) | null {
    // No name is longer; fuzzy matching a pasted page against every speaker would take seconds.
    const key = speakerKey(name.slice(0, MAX_NAME_LENGTH));
    if (key === '') return null;
    const exact = this.#byKey.get(key);
    if (exact) return exact;
    const bySurname = this.#bySurname.get(key.split(' ').pop()!) ?? [];
    const first = key.split(' ')[0]!;
    const sameSurname = key.includes(' ') ? bySurname.filter((entry) => entry.key.startsWith(first[0]!)) : bySurname;
    if (sameSurname.length > 0) return [...sameSurname].sort((a, b) => b.count - a.count)[0]!;
    const fuzzy = key.length <= MAX_FUZZY_LENGTH ? this.#fuzzy(key, 1)[0] : undefined;
    return fuzzy ?? null;
  }

  /**
   * Speakers whose name (or a word of it) starts with `prefix`, most quoted first, topped up with fuzzy matches.
   * @example directory.suggest('jup') // => [{ name: 'Alain Juppe', count: 7 }]
   */
  suggest(prefix: string, limit: number): { name: string; count: number }[] {
    const folded = foldName(prefix.slice(0, MAX_NAME_LENGTH));
    const chosen = folded.length >= WORD_INDEX_MIN_PREFIX ? this.#byPrefix(folded, limit) : this.#scan(folded, limit);
    if (chosen.length < limit && folded.length >= WORD_INDEX_MIN_PREFIX && folded.length <= MAX_FUZZY_LENGTH) {
      const seen = new Set(chosen);
      for (const entry of this.#fuzzy(folded, limit)) {
        if (chosen.length >= limit) break;
        if (!seen.has(entry)) chosen.push(entry);
      }
    }
    return chosen.map((entry) => ({ name: entry.name, count: entry.count }));
  }

  /** Short prefixes: the ranked list in order, stopping at `limit` matches (a short prefix matches many names). */
  #scan(folded: string, limit: number): Entry[] {
    const chosen: Entry[] = [];
    for (const entry of this.#ranked) {
      if (chosen.length >= limit) break;
      if (folded === '' || entry.folded.startsWith(folded) || entry.folded.includes(` ${folded}`)) chosen.push(entry);
    }
    return chosen;
  }

  /** Longer prefixes: bisect the sorted words, keep the best-ranked speakers among those that match. */
  #byPrefix(folded: string, limit: number): Entry[] {
    let low = 0;
    let high = this.#words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#words[mid]! < folded) low = mid + 1;
      else high = mid;
    }
    const ranks = new Set<number>();
    for (let i = low; i < this.#words.length && this.#words[i]!.startsWith(folded); i += 1) ranks.add(this.#ranks[i]!);
    return [...ranks].sort((a, b) => a - b).slice(0, limit).map((rank) => this.#ranked[rank]!);
  }

  /** The pool's speakers within a few typos of `folded` (see {@link typedNameDistance}), closest first, then most quoted. */
  #fuzzy(folded: string, limit: number): Entry[] {
    const max = Math.max(1, Math.floor(folded.length * FUZZY_ERRORS_PER_CHARACTER));
    const close: { entry: Entry; distance: number }[] = [];
    for (const entry of this.#fuzzyPool) {
      const distance = typedNameDistance(folded, entry.folded, max);
      if (distance <= max) close.push({ entry, distance });
    }
    return close
      .sort((a, b) => a.distance - b.distance)
      .slice(0, limit)
      .map((candidate) => candidate.entry);
  }
}
