import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round seven of issue #13: general causes of the wrong speakers found in the dev12 set (many speakers per article,
// descriptions before names, organisations speaking, quotations inside quotations), each a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);
const reported = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a surname after a title', () => {
  it('never reads "Mr Howard" as Howard Flight when the article calls Howard Flight "Mr Flight"', () => {
    expect(speakers([
      'Sacked MP Howard Flight says he will fight on. Mr Flight met party officials on Tuesday.',
      'At a news conference, Mr Howard said: "We do not say one thing in private and another in public."',
    ])).toEqual([['We do not say one thing in private and another in public.', 'Howard']]);
  });

  it('still reads "Mr Kim" as Kim Yungmin, whose surname comes first', () => {
    expect(speakers([
      '"Demand is weak," said Kim Yungmin, a strategist at Dongwon.',
      '"They have been stalling," said Mr Kim.',
    ])).toEqual([['Demand is weak', 'Kim Yungmin'], ['They have been stalling', 'Kim Yungmin']]);
  });
});

describe('extractQuotes: a claim before an inverted speaker', () => {
  it('reads `CLAIM, said Mr Jain.` as Mr Jain\'s reported speech, and "he" after it as Mr Jain', () => {
    const paragraphs = [
      'According to Acme Research, 29% of the people it asked said they were technophobes.',
      'The fact that the services do not work across networks only adds to the problem, said Shailendra Jain. "People are wary," he said.',
    ];
    expect(reported(paragraphs)).toContainEqual(['The fact that the services do not work across networks only adds to the problem', 'Shailendra Jain']);
    expect(speakers(paragraphs)).toEqual([['People are wary', 'Shailendra Jain']]);
  });

  it('leaves `If X, said Mr Fahey, other firms would …` to the inserted attribution: the claim goes on after the name', () => {
    expect(reported(['If the system proves effective, said Rob Fahey, other firms would adopt it soon.'])).not.toContainEqual(['If the system proves effective', 'Rob Fahey']);
  });
});

describe('extractQuotes: who is quoted, not who quotes', () => {
  it('gives `He quoted Honda president Tetsuo Chino as saying, "…"` to Tetsuo Chino', () => {
    expect(speakers([
      'Output will stay steady, a Honda spokesman said.',
      'He quoted American Honda president Tetsuo Chino as saying, "Honda will not increase imports beyond the current level."',
    ])).toEqual([['Honda will not increase imports beyond the current level.', 'Tetsuo Chino']]);
  });

  it('reads a verb typed twice ("said said Thomas McKiernan") as one', () => {
    expect(speakers(['"This will change the way oil is traded," said said Thomas McKiernan, the firm\'s chairman.'])).toEqual([
      ['This will change the way oil is traded', 'Thomas McKiernan'],
    ]);
  });
});

describe('extractQuotes: the speaker nearest the quotation', () => {
  it('takes the "according to" right before a quotation, not an earlier one in the sentence', () => {
    expect(speakers([
      'Sales rose, according to analysts Gartner More than 160 million handsets were sold in a period that, according to Gartner analyst Carolina Milanesi, is "seldom strong".',
    ])).toEqual([['seldom strong', 'Carolina Milanesi']]);
  });

  it('reads `Iyad Allawi, who this week criticised … a "spectator" role` as Iyad Allawi\'s words, never "week"', () => {
    expect(speakers([
      'Mr Chirac will miss an address from Iraqi interim leader Iyad Allawi, who this week criticised nations which took a "spectator" role.',
    ])).toEqual([['spectator', 'Iyad Allawi']]);
  });
});

describe('extractQuotes: "the company" is a business the article named', () => {
  it('resolves "the company said" to a consumer goods giant named with one word, never to the "US" of the sentence', () => {
    expect(speakers([
      'Consumer goods giant Unilever said profit fell 36%.',
      'Unilever said European sales fell 2.8% last year.',
      'In the US last year, revenue grew by 1.5% "despite disappointing sales in Slimfast", the company said.',
    ])).toEqual([['despite disappointing sales in Slimfast', 'Unilever']]);
  });

  it('resolves "the company said" after a one-word name with no gender that said things before', () => {
    expect(speakers([
      'Acmeco said profit fell 36% to 2.9bn euros.',
      'In the US, revenue grew "despite disappointing sales", the company said.',
    ])).toEqual([['despite disappointing sales', 'Acmeco']]);
  });
});

describe('extractQuotes: who "he" is after a quotation about someone else', () => {
  it('gives `But Mr Blair had been "hurt", he added` to the one speaking, not to Mr Blair', () => {
    expect(speakers([
      'Labour MP Derek Wyatt said the campaign had been too long.',
      'Mr Wyatt said Tony Blair had worked hard. But Mr Blair had been "hurt" by the Iraq controversy, he added.',
    ])).toEqual([['hurt', 'Derek Wyatt']]);
  });

  it('keeps `Mr Shaath gave context, saying, "…," he said` with Mr Shaath, who is speaking', () => {
    expect(speakers([
      'Scott McClellan denied the report.',
      'Nabil Shaath gave further context to the statement saying, "It was really a figure of speech," he said.',
    ])).toEqual([['It was really a figure of speech', 'Nabil Shaath']]);
  });
});

describe('extractQuotes: descriptions that stand for the person spoken of', () => {
  it('resolves "The MP for Sittingbourne and Sheppey said" to the MP the article is about', () => {
    expect(speakers([
      'Labour backbencher Derek Wyatt said the campaign had been too long.',
      'Mr Wyatt predicted the campaign would start properly after the budget. The MP for Sittingbourne and Sheppey said Tony Blair had been "trying very hard" to win trust.',
    ])).toEqual([['trying very hard', 'Derek Wyatt']]);
  });

  it('reads a lower-case quotation after "campaign" as someone\'s words, not the name of a campaign', () => {
    expect(speakers(['Derek Wyatt said having a five month campaign "turned off voters" across the country.'])).toEqual([
      ['turned off voters', 'Derek Wyatt'],
    ]);
  });
});

describe('extractQuotes: names run into by what comes before them', () => {
  it('names John Bathersby for "Catholic Archbishop of Brisbane John Bathersby said", never "Brisbane John Bathersby"', () => {
    expect(speakers(['Backing the plan, Catholic Archbishop of Brisbane John Bathersby said "We are a Christian country."'])).toEqual([
      ['We are a Christian country.', 'John Bathersby'],
    ]);
  });

  it('gives `… ascribed to President Bush and McClellan replied, "…"` to McClellan alone', () => {
    expect(speakers([
      'A reporter asked if Scott McClellan was aware of the comments ascribed to President Bush and McClellan replied, "No, that is absurd."',
    ])).toEqual([['No, that is absurd.', 'Scott McClellan']]);
  });
});

describe('extractQuotes: the latest of two people described alike', () => {
  it('resolves "the intelligence officer" to "a 14-year veteran intelligence officer", introduced last, not to an earlier officer', () => {
    expect(speakers([
      'A U.S. intelligence officer claimed that the mother was locked up.',
      '"We held her," wrote a 14-year veteran intelligence officer.',
      '"She had three children," the intelligence officer wrote.',
    ])).toEqual([['We held her', '14-year veteran intelligence officer'], ['She had three children', '14-year veteran intelligence officer']]);
  });
});

describe('extractQuotes: names with a list or a slip in their title', () => {
  it('keeps "A Department for Media, Culture and Sport spokeswoman" whole, comma and all', () => {
    expect(speakers(['A Department for Media, Culture and Sport spokeswoman said: "We are aware of the problems."'])).toEqual([
      ['We are aware of the problems.', 'Department for Media, Culture and Sport spokeswoman'],
    ]);
  });

  it('reads "Dutch Finance Miniister H. Onno Ruding" as H. Onno Ruding, the title typed with a letter doubled', () => {
    expect(speakers([
      'Trade policy is not the key to the deficit, Dutch Finance Miniister H. Onno Ruding said.',
      '"Domestic policies must change," Ruding said.',
    ])).toEqual([['Domestic policies must change', 'H. Onno Ruding']]);
  });
});

describe('extractQuotes: organisations that speak (the kinds issue #13 lists)', () => {
  it('reads "BC Hydro" as an organisation, so that "the utility said" is BC Hydro', () => {
    expect(speakers([
      'BC Hydro said on Monday that crews were restoring power.',
      '"We expect most customers to be back by tonight," the utility said.',
    ])).toEqual([['We expect most customers to be back by tonight', 'BC Hydro']]);
  });

  it('still strips a credit or a place from a person\'s name ("USA Barack Obama")', () => {
    expect(speakers(['USA Barack Obama said: "We are ready."'])).toEqual([['We are ready.', 'Barack Obama']]);
  });

  it('gives "a spokesperson for Tesco" and "the spokesperson" after it to Tesco', () => {
    expect(speakers([
      'A spokesperson for Tesco said: "We are looking into it."',
      '"We take this seriously," the spokesperson added.',
    ])).toEqual([['We are looking into it.', 'Tesco'], ['We take this seriously', 'Tesco']]);
  });

  it('keeps "a spokesman for Tony Blair" a description: a person does not speak as an organisation', () => {
    expect(speakers(['A spokesman for Tony Blair said: "We are aware of it."'])).toEqual([['We are aware of it.', 'spokesman for Tony Blair']]);
  });

  it('gives "the complaint said" to whoever the complaint is from, not to the one it is against', () => {
    expect(speakers([
      'Acme Corp faces a complaint from the Federal Trade Commission.',
      '"The company misled its customers," the complaint said.',
    ])).toEqual([['The company misled its customers', 'Federal Trade Commission']]);
  });
});

describe('extractQuotes: a lead that describes someone before naming them', () => {
  it('gives the lead\'s "highest justice official" to the commissioner the next sentence names', () => {
    expect(speakers([
      'The European Union\'s highest justice official has warned member states they could have their "voting rights suspended". EU Justice Commissioner Franco Frattini said the consequences would be serious.',
    ])).toEqual([['voting rights suspended', 'Franco Frattini']]);
  });

  it('gives "according to his former chief economic adviser" to the adviser named in the next paragraph', () => {
    expect(speakers([
      'Chancellor Gordon Brown will meet his golden rule "with a margin to spare", according to his former chief economic adviser.',
      'Formerly one of Mr Brown\'s closest aides, Ed Balls hinted at a Budget giveaway.',
    ])).toEqual([['with a margin to spare', 'Ed Balls']]);
  });

  it('never takes a name from a list of countries for the lead\'s description', () => {
    const found = speakers([
      '"We will provide duty free access for cotton," the US trade representative announced at the talks.',
      'Mali, Burkino Faso, Benin and Chad complain that the offer does not address the subsidies.',
    ]);
    expect(found.map(([, speaker]) => speaker)).not.toContain('Burkino Faso');
  });
});

describe('extractQuotes: an appositive with "the" and no closing comma', () => {
  it('gives `Andy Stern, the service president is quoted as saying, "…"` to Andy Stern', () => {
    expect(speakers(['Andy Stern, the service president is quoted as saying, "nothing more than a flimsy cover for union busting."'])).toEqual([
      ['nothing more than a flimsy cover for union busting.', 'Andy Stern'],
    ]);
  });
});

describe('extractQuotes: a seat with a party before the title', () => {
  it('resolves "the Tory MP for Sleaford and North Hykeham" to the MP spoken of, never to "Tory MP"', () => {
    expect(speakers([
      'Douglas Hogg said the Bill was "largely unnecessary".',
      'But the Tory MP for Sleaford and North Hykeham admitted the role "cannot be frozen in aspic".',
    ])).toEqual([['largely unnecessary', 'Douglas Hogg'], ['cannot be frozen in aspic', 'Douglas Hogg']]);
  });
});

describe('extractQuotes: a quotation opening a paragraph, then its speaker', () => {
  it('gives `"…." Mamadou Habi said.` to Mamadou Habi, not to the organisation the paragraph before was about', () => {
    expect(speakers([
      'The WTO has declared the program illegal.',
      '"We know with certainty that it is the US subsidies that are causing problems for our farmers." Mamadou Habi said.',
    ])).toEqual([['We know with certainty that it is the US subsidies that are causing problems for our farmers.', 'Mamadou Habi']]);
  });
});

describe('extractQuotes: a name, a comma or colon, then the quotation', () => {
  it('gives `such as refugee Paul Waweru, "…"` to Paul Waweru', () => {
    expect(speakers(['Kenyans are viewing the deal skeptically, such as 56-year old refugee Paul Waweru, "The deal will help to cool down the situation."'])).toEqual([
      ['The deal will help to cool down the situation.', 'Paul Waweru'],
    ]);
  });

  it('gives `Tom Baker: "No, we will not."` to Tom Baker', () => {
    expect(speakers(['Tom Baker: "No, we will not."'])).toEqual([['No, we will not.', 'Tom Baker']]);
  });
});

describe('extractQuotes: staff described by their role', () => {
  it('keeps "according to a White House staffer" a staffer, not the White House', () => {
    expect(speakers(['Dr Feaver helped "conceive and draft" the document, according to a White House staffer, who said others played a larger role.'])).toEqual([
      ['conceive and draft', 'White House staffer'],
    ]);
  });
});

describe('extractQuotes: a lead\'s indefinite description, then the name', () => {
  it('gives "A national newspaper columnist has called …" to the columnist the lead then names', () => {
    expect(speakers([
      'A national newspaper columnist has called the ruling "a disgrace to British justice".',
      'Columnist Jane Moore, writing in The Sun, said judges had lost touch.',
    ])).toEqual([['a disgrace to British justice', 'Jane Moore']]);
  });

  it('leaves "a spokesman" unnamed though the lead names someone after', () => {
    expect(speakers([
      'A spokesman for the firm called the report "a mistake".',
      'Chief executive John Smith said profits fell.',
    ])).toEqual([['a mistake', 'spokesman for the firm']]);
  });
});

describe('extractQuotes: a group named with capitals', () => {
  it('gives `US regulators … in "a timely way"` to US regulators, not to the US', () => {
    expect(speakers(['US regulators intend to fine Toyota over allegations that it failed to notify officials in "a timely way" about flaws.'])).toEqual([
      ['a timely way', 'US regulators'],
    ]);
  });

  it('takes no single-word label from such a group', () => {
    expect(speakers(['Turkish officials reject "genocide" as a description of the killings.'])).toEqual([]);
  });
});
