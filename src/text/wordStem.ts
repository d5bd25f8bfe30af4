import { stemmer } from 'stemmer';

/**
 * Past forms of irregular verbs that news copy uses, by base form: the Porter stemmer joins "killed" to "kill" but not
 * "sold" to "sell", so a reader who asks "how much corn was sold" and a story that says the firm "sells" it never
 * met. Words that are as often another word are left out ("left", "rose", "fell", "found", "saw", "shot", "felt",
 * "lay", "lead", "bore", "spoke", "won", the Korean currency, "meant"); "die" and "death" are synonyms (synonyms.ts).
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  sell: 'sold',
  buy: 'bought',
  hold: 'held',
  lose: 'lost',
  pay: 'paid',
  make: 'made',
  take: 'took taken',
  give: 'gave given',
  meet: 'met',
  rise: 'risen',
  run: 'ran',
  write: 'wrote written',
  choose: 'chose chosen',
  begin: 'began begun',
  bring: 'brought',
  catch: 'caught',
  fight: 'fought',
  think: 'thought',
  seek: 'sought',
  teach: 'taught',
  build: 'built',
  send: 'sent',
  spend: 'spent',
  lend: 'lent',
  keep: 'kept',
  stand: 'stood',
  strike: 'struck',
  drive: 'drove driven',
  fly: 'flew flown',
  grow: 'grew grown',
  throw: 'threw thrown',
  flee: 'fled',
  break: 'broke broken',
  steal: 'stole stolen',
  freeze: 'froze frozen',
  wear: 'wore worn',
  swear: 'swore sworn',
  hide: 'hid hidden',
  eat: 'ate eaten',
  forget: 'forgot forgotten',
  come: 'came',
  become: 'became',
  draw: 'drew drawn',
  sink: 'sank sunk',
  sing: 'sang sung',
  dig: 'dug',
  hang: 'hung',
  ride: 'rode ridden',
  withdraw: 'withdrew withdrawn',
  undertake: 'undertook undertaken',
  overtake: 'overtook overtaken',
  forgive: 'forgave forgiven',
  shake: 'shook shaken',
  speed: 'sped',
  deal: 'dealt',
  sleep: 'slept',
  feed: 'fed',
  bleed: 'bled',
  tear: 'tore torn',
  shrink: 'shrank shrunk',
  swim: 'swam swum',
};

/** Irregular form → its base form. */
const BASE_FORM: ReadonlyMap<string, string> = new Map(
  Object.entries(IRREGULAR).flatMap(([base, forms]) => forms.split(' ').map((form): [string, string] => [form, base])),
);

/**
 * The stem of a folded word, irregular forms joined to their verb's ("sold" with "sells", "held" with "holding"): the
 * one key by which search finds the other forms of a word.
 * @example wordStem('sold') === wordStem('selling') // => true
 */
export function wordStem(word: string): string {
  return stemmer(BASE_FORM.get(word) ?? word);
}
