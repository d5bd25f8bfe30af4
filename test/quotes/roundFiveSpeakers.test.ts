import { describe, expect, it } from 'vitest';
import { sentenceSubject } from '../../src/quotes/findSpeakerPhrase.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { tokenize } from '../../src/quotes/tokenize.js';
import { makeArticle } from '../support/makeArticle.js';

// Round five of issue #13: general causes of the wrong speakers found in the dev9 set (sport, entertainment,
// Reuters statements, organisations), each written here as a short made-up case.
const speakers = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a sentence opened by a preposition', () => {
  it('never reads "Of Hepburn" as a name: the pronoun after the comma speaks', () => {
    expect(speakers(['Cate Blanchett won the award.', 'Of Hepburn, she said: "Her career is inspiring to everyone."'])).toEqual([
      ['Her career is inspiring to everyone.', 'Cate Blanchett'],
    ]);
  });

  it('never lets "Besides Baker" stand for the "he" of the next sentence', () => {
    expect(speakers([
      'Finance Minister Mark Eyskens welcomed the rise. Besides Baker\'s public statements, trade tensions had caused the fall, he said. "I think agreement is quite possible," he said.',
    ])).toEqual([['I think agreement is quite possible', 'Mark Eyskens']]);
  });
});

describe('extractQuotes: a description of someone the article has named', () => {
  it('resolves "the world 200m and 400m record holder" to the person named before', () => {
    expect(speakers([
      'Former Olympic champion Michael Johnson has accused British sprinters of lacking pride.',
      '"They need to show a little more pride," the world 200m and 400m record holder told Five Live.',
    ])).toEqual([['They need to show a little more pride', 'Michael Johnson']]);
  });
});

describe('extractQuotes: a new speaker introduced with a colon', () => {
  it('leaves a paragraph-opening quotation with the previous speaker when the next sentence introduces its own', () => {
    expect(speakers([
      'Bayern coach Felix Magath said: "I am far from happy despite the win."',
      '"Arsenal are fully capable of scoring goals at home." Arsenal keeper Jens Lehmann said: "Do I blame myself? Always."',
    ])).toEqual([
      ['I am far from happy despite the win.', 'Felix Magath'],
      ['Arsenal are fully capable of scoring goals at home.', 'Felix Magath'],
      ['Do I blame myself? Always.', 'Jens Lehmann'],
    ]);
  });

  it('still gives quotations opening a paragraph to the speaker named right after them', () => {
    expect(speakers(['Tom Lee said: "We go now, all of us."', '"It is wrong." "It is unfair," said Ann Jones.'])).toEqual([
      ['We go now, all of us.', 'Tom Lee'],
      ['It is wrong.', 'Ann Jones'],
      ['It is unfair', 'Ann Jones'],
    ]);
  });
});

describe('extractQuotes: the subject of a sentence that reports no words', () => {
  it('stops a name at its verb ("Morgan Freeman beat actors"), so "he" next stands for that person', () => {
    expect(speakers([
      '"It was a wonderful adventure," Clint Eastwood said.',
      'Morgan Freeman beat actors to the prize. He thanked Eastwood and described the film as "a labour of love".',
    ])).toEqual([
      ['It was a wonderful adventure', 'Clint Eastwood'],
      ['a labour of love', 'Morgan Freeman'],
    ]);
  });

  it('reads "his F4 label" as a noun phrase, not "F4" reporting: the sentence\'s subject speaks', () => {
    expect(speakers(['Now Tony Wilson believes rap act Raw T - signed to his F4 label - will "complete the hat-trick".'])).toEqual([
      ['complete the hat-trick', 'Tony Wilson'],
    ]);
  });
});

describe('extractQuotes: a person and where they work', () => {
  it('gives "Nigel McCune from the Musicians\' Union said" to the person, with the union as the role', () => {
    const [quote] = extractQuotes(makeArticle(['Nigel McCune from the Musicians\' Union said British acts are "disadvantaged" in the US.']));
    expect([quote?.quote, quote?.speaker, quote?.role]).toEqual(['disadvantaged', 'Nigel McCune', "from the Musicians' Union"]);
  });
});

const reported = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a long appositive between the speaker and the verb', () => {
  it('reads past an appositive that holds commas to the name opening the clause', () => {
    expect(reported([
      'Henry Gluck, chairman and chief executive officer of the hotel, casino and resorts company, said in a statement that the board backs the plan.',
    ])).toEqual([['the board backs the plan', 'Henry Gluck']]);
  });

  it('reads past a relative clause ending in a list of places, which are not the speaker', () => {
    expect(reported([
      'Scientist Abdul Qadeer Khan, who exported technology to North Korea, Iran, and Libya, says that the army knew about the shipment.',
    ])).toEqual([['the army knew about the shipment', 'Abdul Qadeer Khan']]);
  });

  it('still reads a list of names before the verb as no single speaker\'s appositive', () => {
    expect(reported(['Britain, France, and Germany said that the talks would resume in March.'])).not.toContainEqual(['the talks would resume in March', 'Britain']);
  });
});

describe('extractQuotes: a claim after a short phrase without "that"', () => {
  it('starts the claim after "said in a statement" when its own clause follows', () => {
    expect(reported(['Henry Gluck said in a statement the board believes the plan is superior to the offer.'])).toEqual([
      ['the board believes the plan is superior to the offer', 'Henry Gluck'],
    ]);
  });
});

describe('extractQuotes: Reuters wire shapes', () => {
  it('reads past a stock ticker between the company and its verb', () => {
    expect(reported(['Caesars World Inc <CAW> said its directors unanimously approved a recapitalization plan.'])).toEqual([
      ['its directors unanimously approved a recapitalization plan', 'Caesars World Inc'],
    ]);
  });

  it('reports the claim before "X announced" in a sentence that goes on to a quotation', () => {
    expect(reported(['Iran resumed atomic fuel research today, the International Atomic Energy Agency announced, adding that "the research will involve enrichment."'])).toContainEqual(
      ['Iran resumed atomic fuel research today', 'International Atomic Energy Agency'],
    );
  });

  it('reports no claim before the verb when a phrase sets the scene or the verb introduces the quotation', () => {
    expect(reported(['When asked to comment on the retirement, Joe Biden said "he is a friend of mine."'])).toEqual([]);
    expect(reported(['At a rally in Ohio on Monday night, Joe Biden said: "He is a friend of mine."'])).toEqual([]);
  });
});

describe('extractQuotes: organisations', () => {
  it('keeps "Marks & Spencer" whole, an organisation that "it" may stand for', () => {
    expect(extractQuotes(makeArticle(['Marks & Spencer said sales rose 5% in the quarter to March. It said "we are pleased with the spring ranges".'])).map((q) => q.speaker)).toEqual([
      'Marks & Spencer',
      'Marks & Spencer',
    ]);
  });

  it('lets "it" stand for the organisation whose report a sentence is about, not a firm named before', () => {
    expect(speakers([
      'The National Institute of Economic and Social Research (NIESR) claims that taxes need to rise.',
      'Earlier this month, accountancy firm Ernst & Young said that the forecasts were too optimistic.',
      'Other than its warning on possible tax hikes, the NIESR report was optimistic about the economy.',
      'It said that if anything the "world economy will continue to grow strongly".',
    ])).toEqual([['world economy will continue to grow strongly', 'National Institute of Economic and Social Research']]);
  });
});

describe('extractQuotes: speakers inside a longer subject', () => {
  it('ends "The government released a statement" at its verb, so the statement is the government\'s', () => {
    expect(speakers(['The government released a statement saying "the talks will go on."', 'The statement added that "we will not stop".'])).toEqual([
      ['the talks will go on.', 'government'],
      ['we will not stop', 'government'],
    ]);
  });

  it('gives "with X saying" to X, but a name followed by a comma to the sentence\'s subject', () => {
    expect(speakers(['China urged Tehran to continue talks, with foreign ministry spokesman Kong Quan saying "all parties should show restraint".'])).toEqual([
      ['all parties should show restraint', 'Kong Quan'],
    ]);
    expect(speakers(['Tony Blair met with Jacques Chirac, saying "we agree on most things".'])).toEqual([['we agree on most things', 'Tony Blair']]);
  });

  it('reads "He and others said" as the one "he" stands for', () => {
    expect(reported(['"The loss is big," said an oil analyst who asked not to be named. He and others said the loss enforces the claim of the company.'])).toEqual([
      ['the loss enforces the claim of the company', 'oil analyst'],
    ]);
  });
});

describe('extractQuotes: reported speech after a hearer or a pronoun', () => {
  it('reads the claim after "told <hearer>" without "that"', () => {
    expect(reported(['Drexel Burnham Lambert Inc has told the company it is confident it can arrange the financing.'])).toEqual([
      ['it is confident it can arrange the financing', 'Drexel Burnham Lambert Inc'],
    ]);
    expect(reported(['Premier Morris Iemma has told supporters he has been "moved and humbled" by the result.'])).toEqual([
      ['he has been "moved and humbled" by the result', 'Morris Iemma'],
    ]);
  });

  it('reads no claim after a hearer with a preposition in it ("told a hearing of the Senate …")', () => {
    expect(reported(['"We will look for savings," Patrick Leahy told a hearing of the Senate Agriculture Committee.'])).toEqual([]);
  });

  it('reads "claims" after a pronoun as a verb', () => {
    expect(reported(['Abdul Qadeer Khan spoke to the AP. He claims the shipment must have had the consent of the president.'])).toEqual([
      ['the shipment must have had the consent of the president', 'Abdul Qadeer Khan'],
    ]);
  });
});

describe('extractQuotes: who wrote a document read out, and groups qualified by a capitalised word', () => {
  it('gives `"…," reads a July 15, 2005 memo by X` to the author, not to the date', () => {
    expect(speakers(['"We exposed a base camp population to a water source that was not treated," reads a July 15, 2005 memo by William Granger, KBR\'s official in charge of water quality.'])).toEqual([
      ['We exposed a base camp population to a water source that was not treated', 'William Granger'],
    ]);
  });

  it('reads "Western powers" as the speaker, not "Western"', () => {
    expect(speakers(['Western powers disregard the claim and say that "Iran is to refrain from any work that could help it develop atomic weapons."'])).toEqual([
      ['Iran is to refrain from any work that could help it develop atomic weapons.', 'Western powers'],
    ]);
  });

  it('ends a lower-case subject at a past tense ("The group came just short …")', () => {
    const text = 'The group came just short of calling for a boycott.';
    expect(sentenceSubject(tokenize(text, 0, text.length, []))?.text).toBe('group');
  });
});
