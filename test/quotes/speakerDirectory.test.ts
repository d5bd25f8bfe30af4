import { describe, expect, it } from 'vitest';
import { SpeakerDirectory } from '../../src/quotes/speakerDirectory.js';
import type { Quote } from '../../src/quotes/types.js';

const quote = (speaker: string, articleId: string): Quote => ({ quote: `Words of ${speaker}`, speaker, role: null, kind: 'direct', articleId, paragraphIndex: 0 });

describe('SpeakerDirectory.fromQuotes', () => {
  it('joins a full name behind an unknown title or place, and the bare surname, into the plain full name', () => {
    // Wikinews writes "USA Barack Obama" and "United States President-elect Barack Obama" in places: one person.
    const directory = SpeakerDirectory.fromQuotes([
      quote('Barack Obama', 'a.md'),
      quote('USA Barack Obama', 'b.md'),
      quote('United States President-elect Barack Obama', 'c.md'),
      quote('Obama', 'd.md'),
    ]);
    expect(directory.find('obama')).toMatchObject({ name: 'Barack Obama', count: 4 });
    expect(directory.suggest('oba', 25)).toEqual([{ name: 'Barack Obama', count: 4 }]);
  });

  it('keeps two people with the same surname apart, and a bare surname then stays on its own', () => {
    const directory = SpeakerDirectory.fromQuotes([quote('Tony Blair', 'a.md'), quote('Cherie Blair', 'b.md'), quote('Blair', 'c.md')]);
    expect(directory.suggest('blair', 25).map((entry) => entry.name).sort()).toEqual(['Blair', 'Cherie Blair', 'Tony Blair']);
  });
});

describe('SpeakerDirectory suggestions', () => {
  it('returns people and organisations, never a bare title, however often the title was quoted', () => {
    const directory = SpeakerDirectory.fromQuotes([
      ...Array.from({ length: 5 }, (_, i) => quote('Prime Minister', `p${i}.md`)),
      ...Array.from({ length: 3 }, (_, i) => quote('President', `q${i}.md`)),
      quote('Prime Minister John Howard', 'a.md'),
      quote('Pentagon', 'b.md'),
    ]);
    expect(directory.suggest('', 25).map((entry) => entry.name).sort()).toEqual(['Pentagon', 'Prime Minister John Howard']);
    expect(directory.suggest('pres', 25)).toEqual([]);
    expect(directory.suggest('prime', 25).map((entry) => entry.name)).toEqual(['Prime Minister John Howard']);
  });
});

describe('SpeakerDirectory suggestions without pronouns', () => {
  it('never offers "I" or "It" (a reader\'s "I agree that …", an unresolved "It said"), however often quoted', () => {
    const directory = SpeakerDirectory.fromQuotes([
      ...Array.from({ length: 4 }, (_, i) => quote('I', `i${i}.md`)),
      quote('It', 'it.md'),
      quote('Ian Ives', 'a.md'),
    ]);
    expect(directory.suggest('', 25).map((entry) => entry.name)).toEqual(['Ian Ives']);
    expect(directory.suggest('i', 25).map((entry) => entry.name)).toEqual(['Ian Ives']);
  });
});

describe('SpeakerDirectory.restoring', () => {
  it('puts the speakers in its lookup maps in steps too, answering as the directory saved', () => {
    const quotes = Array.from({ length: 3_000 }, (_, i) => quote(`Speaker Number${i.toString(36)}`, `${i}.md`));
    const directory = SpeakerDirectory.fromQuotes(quotes);
    const restoring = SpeakerDirectory.restoring(directory.toData(), quotes);
    let yields = 0;
    let step = restoring.next();
    for (; !step.done; step = restoring.next()) yields += 1;
    // Three steps of up to 1,000 speakers made, and three more put in the maps (one block before).
    expect(yields).toBeGreaterThanOrEqual(6);
    const restored = step.value;
    expect(restored.size).toBe(directory.size);
    expect(restored.find('speaker numbera')).toEqual(directory.find('speaker numbera'));
    expect(restored.suggest('number1', 5)).toEqual(directory.suggest('number1', 5));
  });
});
