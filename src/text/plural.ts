/**
 * "1 article", "2 articles": the count and the noun, in the plural unless the count is one.
 * @example plural(1, 'article') // => '1 article'
 * @example plural(3, 'quotation') // => '3 quotations'
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
