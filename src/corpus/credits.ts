// Photo credits, caption credits and wire datelines: text around an article's words that names an agency or a
// photographer, never someone quoted. Recognised here so that the parser can file credits with captions and the
// quotation extractor can read a paragraph without its dateline.

/** Picture agencies and wires as credits print them (case matters: a capitalised photographer's name follows). */
const AGENCIES = [
  'Getty Images', 'GETTY IMAGES', 'AFP', 'Reuters', 'REUTERS', 'AP', 'EPA', 'PA', 'PA Media', 'PA Wire', 'AP Photo', 'AFP Photo',
  'EPA-EFE', 'Anadolu', 'Anadolu Agency', 'Xinhua', 'Shutterstock', 'Alamy', 'Bloomberg', 'Rex Features', 'REX', 'Getty',
  // Nordic, German and Dutch wires and photo agencies ("NTB Scanpix/Heiko Junge", "dpa/Michael Kappeler").
  'NTB', 'NTB Scanpix', 'NTB scanpix', 'Scanpix', 'Ritzau Scanpix', 'TT News Agency', 'Lehtikuva', 'dpa', 'DPA', 'ANP', 'NurPhoto',
];
const AGENCY = AGENCIES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|');

/** A capitalised name of one to four words (a photographer's). */
const PERSON = String.raw`\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}`;

/**
 * A whole line that is a credit: "Getty Images Oli Scarff", "AFP Paul Ellis", "Reuters/Kevin Lamarque",
 * "Photo: Reuters/Phil Noble", "Credit: PA Media / Stefan Rousseau", "(Getty Images)".
 */
const CREDIT_LINE = new RegExp(
  String.raw`^(?:(?:[Pp]hoto(?:graph)?|PHOTO|[Pp]icture|[Ii]mage|[Cc]redit|[Cc]opyright|©)\s*(?::|by)\s*\S.{0,80}` +
    // BBC's labels: "Image source, Getty Images", "Image copyright AFP/Getty Images".
    String.raw`|Image (?:source|copyright),? \S.{0,80}` +
    String.raw`|\(?(?:${AGENCY})(?:\s*(?:/|via)\s*${PERSON}|\s+${PERSON})?\)?` +
    String.raw`|${PERSON}\s*/\s*(?:${AGENCY})(?:\s+via\s+${PERSON})?)$`,
  'u',
);

/** A credit closing a caption's last line: "… on Friday. Reuters/Kevin Lamarque", "… (AFP/Getty Images)". */
const TRAILING_CREDIT = new RegExp(
  String.raw`(?:[.!?]\s+|\s\()(?:(?:${AGENCY})\s*/\s*${PERSON}|${PERSON}\s*/\s*(?:${AGENCY})|(?:${AGENCY}))\)?$`,
  'u',
);

/**
 * True when a line is a photo or caption credit (agency and/or photographer, "Photo: …", "Credit: …"), which
 * names no speaker.
 *
 * @example
 * isCreditLine('Getty Images Oli Scarff') // => true
 * isCreditLine('Reuters/Kevin Lamarque') // => true
 * isCreditLine('Reuters reported a fall in sales.') // => false
 */
export function isCreditLine(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= 100 && !/[.!?]$/u.test(text) && CREDIT_LINE.test(text);
}

/**
 * BBC's caption label opening a line, perhaps after the picture's credit on the same line: "Image caption, Trams last
 * ran in 1956", "Image copyright Getty Images Image caption The mayor at the quay".
 */
const CAPTION_LABEL = /^(?:Image (?:source|copyright),? [^\n]{1,80}? )?(?:Image|Media) caption\b/u;

/**
 * True when a block of lines is a picture with its caption: a credit line opens or closes it, or its last line
 * ends with a credit ("… in the Rose Garden on Friday. Reuters/Kevin Lamarque"), or a line opens with BBC's "Image caption".
 *
 * @example
 * isCreditedCaption(['Getty Images Matt Cardy', 'Passengers board a ferry at Portsmouth']) // => true
 * isCreditedCaption(['The ferry left Portsmouth on time.']) // => false
 */
export function isCreditedCaption(lines: readonly string[]): boolean {
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  return isCreditLine(first) || isCreditLine(last) || (last.length <= 300 && TRAILING_CREDIT.test(last.trim())) ||
    CAPTION_LABEL.test(first.trim()) || CAPTION_LABEL.test(last.trim());
}

// "WHITBY (Reuters) - ", "WASHINGTON, Sept 9 (AP) — ", "LONDON, March 3 (Reuters) – ": a place in capitals, an
// optional date, the agency in brackets, a dash.
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,[^()\n]{1,30})?\s*\([\p{L} .&/-]{2,30}\)\s*[-–—]{1,2}\s+/u;
// "SOUTHAMPTON, 12 March - ", "DUBLIN — ": a paper's own dateline has no agency; its date, if any, holds a figure
// (so "BP, the oil giant - …" is no dateline).
const OWN_DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,[^()\n\d]{0,12}\d[^()\n]{0,20}?)?\s+[-–—]{1,2}\s+/u;

/**
 * Length of the wire dateline opening a paragraph ("WHITBY (Reuters) - "), 0 when there is none: what precedes
 * the first word of the story, never part of a speaker's name.
 *
 * @example
 * datelineLength('WHITBY (Reuters) - The harbour master said…') // => 19
 * datelineLength('DUBLIN — The regulator said…') // => 9
 * datelineLength('The harbour master said…') // => 0
 */
export function datelineLength(text: string): number {
  return (DATELINE.exec(text) ?? OWN_DATELINE.exec(text))?.[0].length ?? 0;
}

/** Words of agency credits that can be glued before a name when a credit loses its line break. */
const CREDIT_WORDS = new Set([
  'getty', 'images', 'afp', 'reuters', 'ap', 'epa', 'pa', 'media', 'wire', 'photo', 'xinhua', 'anadolu', 'shutterstock', 'alamy', 'rex', 'features',
  'ntb', 'scanpix', 'dpa', 'anp', 'nurphoto',
]);

/**
 * A name's words without what a credit, caption keyword or dateline glued before it: agency words ("Getty Images
 * Chip Somodevilla" → "Chip Somodevilla") and a country code in capitals ("USA Barack Obama" → "Barack Obama").
 * At least two words are always left.
 *
 * @example
 * withoutCreditWords(['Getty', 'Images', 'Oli', 'Scarff']) // => ['Oli', 'Scarff']
 * withoutCreditWords(['USA', 'Barack', 'Obama']) // => ['Barack', 'Obama']
 * withoutCreditWords(['Bank', 'of', 'England']) // => ['Bank', 'of', 'England']
 */
export function withoutCreditWords(words: readonly string[]): string[] {
  let start = 0;
  while (words.length - start > 2 && isCreditWord(words[start]!) && isPersonFrom(words, start + 1)) start += 1;
  return start === 0 ? [...words] : words.slice(start);
}

const isCreditWord = (word: string): boolean => CREDIT_WORDS.has(word.toLowerCase()) || /^\p{Lu}{2,4}$/u.test(word);
const isPersonFrom = (words: readonly string[], from: number): boolean => {
  for (let i = from; i < words.length; i += 1) if (!/^\p{Lu}\p{Ll}/u.test(words[i]!)) return false;
  return true;
};

/** Words of a photographer's name in a credit: given name and surname. */
const PHOTOGRAPHER_WORDS = 2;

/**
 * A name's words without the photographer a credit glued before it when the credit lost its line break: after
 * "Agency/" ("NTB Scanpix/Heiko Junge Ole Hansen said" → "Ole Hansen"), the photographer's two words go when a name of
 * two words or more follows. `before` is the word before the slash.
 *
 * @example
 * withoutPhotographer(['Heiko', 'Junge', 'Ole', 'Hansen'], 'Scanpix') // => ['Ole', 'Hansen']
 * withoutPhotographer(['Heiko', 'Junge'], 'Scanpix') // => ['Heiko', 'Junge']
 * withoutPhotographer(['Heiko', 'Junge', 'Ole', 'Hansen'], 'Labour') // => ['Heiko', 'Junge', 'Ole', 'Hansen']
 */
export function withoutPhotographer(words: readonly string[], before: string | undefined): readonly string[] {
  if (before === undefined || !CREDIT_WORDS.has(before.toLowerCase()) || words.length < PHOTOGRAPHER_WORDS + 2) return words;
  return isPersonFrom(words, 0) ? words.slice(PHOTOGRAPHER_WORDS) : words;
}
