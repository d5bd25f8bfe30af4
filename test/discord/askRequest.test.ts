import { describe, expect, it } from 'vitest';
import { readAskRequest } from '../../src/discord/askRequest.js';
import type { CommandOptions } from '../../src/discord/invocation.js';
import { texts } from '../../src/discord/texts.js';
import type { Library } from '../../src/library.js';

const asking = (question: string): CommandOptions => ({
  string: (name) => (name === 'question' ? question : null),
  integer: () => null,
  boolean: () => null,
  channel: () => null,
});
const library = { facets: { sections: [], sources: [] } } as unknown as Library;

describe('readAskRequest', () => {
  it('accepts "US" alone: search reads it as the United States', () => {
    expect(readAskRequest(asking('US'), library, 300).question).toBe('US');
  });

  it('still refuses a question of stop words only, the pronoun "us" among them', () => {
    expect(() => readAskRequest(asking('tell us'), library, 300)).toThrow(texts.questionNoTerms);
  });
});
