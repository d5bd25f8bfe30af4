import { parseHTML } from 'linkedom';
import { plainText } from './parseFeedDocument.js';

/** One block of article text: running text or a sub-heading. */
export interface TextBlock {
  kind: 'body' | 'crosshead';
  text: string;
}

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre';

/**
 * Turns article HTML (a feed's description, Readability's output) into paragraphs: each block element is one
 * paragraph, headings are crossheads; HTML without block elements is one paragraph. Scripts and styles are dropped.
 * @example htmlToParagraphs('<p>One.</p><h2>Two</h2>') // => [{ kind: 'body', text: 'One.' }, { kind: 'crosshead', text: 'Two' }]
 */
export function htmlToParagraphs(html: string): TextBlock[] {
  if (!/<[a-z]/iu.test(html)) {
    return html
      .split(/\n\s*\n/u)
      .map((block) => plainText(block))
      .filter((block) => block !== '')
      .map((block) => ({ kind: 'body' as const, text: block }));
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const node of document.querySelectorAll('script, style, noscript, template')) node.remove();
  const blocks: TextBlock[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    // A block inside another block (a <p> in a <blockquote>, a <p> in an <li>) is read with its outer block.
    if (element.parentElement?.closest(BLOCKS)) continue;
    const value = (element.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (value === '') continue;
    blocks.push({ kind: /^H[2-6]$/u.test(element.tagName) ? 'crosshead' : 'body', text: value });
  }
  if (blocks.length === 0) {
    const whole = (document.body?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (whole !== '') blocks.push({ kind: 'body', text: whole });
  }
  return blocks;
}
