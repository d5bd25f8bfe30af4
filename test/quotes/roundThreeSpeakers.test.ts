import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const speakers = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: names with joined Arabic articles and surnames that are titles', () => {
  it('returns the full name for a surname written with or without "al-"', () => {
    expect(speakers([
      'Prime Minister Nouri al-Maliki has been in Basra since Monday.',
      '"Otherwise, they will face the most severe penalties," Maliki said in a televised statement.',
    ])).toEqual([['Otherwise, they will face the most severe penalties', 'Nouri al-Maliki']]);
  });

  it('returns a name that opens with "al-" after its role in an appositive or after "according to"', () => {
    expect(speakers([
      '"There are ongoing negotiations," Harith al-Ithari, head of al-Sadr\'s Basra office, told Reuters.',
      'According to Iraqi political analyst Hazem al-Nuaeimi, Sadr is a thorn in the side of other groups. "There is a need to act," he said.',
    ])).toEqual([['There are ongoing negotiations', 'Harith al-Ithari'], ['There is a need to act', 'Hazem al-Nuaeimi']]);
  });

  it('returns the person for a surname that is also a title ("King says") once the article named them', () => {
    expect(speakers([
      'JK, also known as Jason King, takes over the show.',
      '"The advantage is ours," King says. "So listeners will win," says King, 30.',
    ])).toEqual([['The advantage is ours', 'Jason King'], ['So listeners will win', 'Jason King']]);
    // Without a name, a title alone is still no one.
    expect(speakers(['"We will act," the King said.'])).toEqual([['We will act', null]]);
  });
});

describe('extractQuotes: the subject of the clause, not a word glued to it', () => {
  it('returns the speakers before a place, not the place ("Retailers across the U.S.", "Analysts in London")', () => {
    expect(speakers([
      'Retailers across the U.S. have also reported that customers "visited multiple locations and bought phones."',
      'Analysts in London said the deal was "a good one for shareholders".',
    ])).toEqual([['visited multiple locations and bought phones.', 'Retailers'], ['a good one for shareholders', 'Analysts']]);
  });

  it('returns the subject of the first verb for a reporting verb coordinated with it ("… and warned")', () => {
    expect(speakers([
      'Gordon Brown addressed the conference.',
      'Mr Brown also issued a call for unity and warned of the dangers of being "distracted or diverted".',
    ])).toEqual([['distracted or diverted', 'Gordon Brown']]);
  });

  it('returns the named subject for a quotation about what someone else did ("X welcomed Y\'s "…"")', () => {
    expect(speakers([
      'Green MEP Caroline Lucas welcomed Tony Blair\'s "courage in keeping his word". But she added: "This treaty is flawed."',
    ])).toEqual([['courage in keeping his word', 'Caroline Lucas'], ['This treaty is flawed.', 'Caroline Lucas']]);
    // The owner stays the speaker when the possessive is the subject.
    expect(speakers(['William Hill\'s "overwhelming evidence" came when callers asked about the race.'])).toEqual([['overwhelming evidence', 'William Hill']]);
  });
});

describe('extractQuotes: a quotation standing alone', () => {
  it('returns the person the sentence before named, not the last speaker, when that sentence reported no words', () => {
    expect(speakers([
      '"Everybody knows it," David Davis said.',
      'Tony Blair went on to list his government\'s achievements. "So now we have a choice and we have to fight."',
    ])).toEqual([['Everybody knows it', 'David Davis'], ['So now we have a choice and we have to fight.', 'Tony Blair']]);
  });

  it('returns the last speaker when the sentence before named no one new', () => {
    expect(speakers([
      'Ann Lee said: "We will win." The vote is on Monday.',
      '"And we will celebrate afterwards."',
    ])).toEqual([['We will win.', 'Ann Lee'], ['And we will celebrate afterwards.', 'Ann Lee']]);
  });
});

describe('extractQuotes: people with their roles and workplaces', () => {
  it('returns the person, not the organisation they work for ("X from the Y said", "X, from Y, says")', () => {
    expect(speakers([
      'Professor Ian Lowe from the Australian Conservation Foundation said that "This is no time to be increasing it."',
      'Refugee rights advocate, Jack Smit, from the group Project SafeCom says: "Refugees do not sink boats!"',
    ])).toEqual([['This is no time to be increasing it.', 'Ian Lowe'], ['Refugees do not sink boats!', 'Jack Smit']]);
  });

  it('returns the person before a role that has no closing comma ("X, Australia\'s Resource Minister said")', () => {
    expect(speakers([
      'Ian Macfarlane, Australia\'s Resource Minister said that exports should begin soon. "The signing is only the start," he said.',
      'Kevin Rudd, the Opposition\'s foreign affairs spokesman said he backed it. "There is no impediment," he said.',
    ])).toEqual([['The signing is only the start', 'Ian Macfarlane'], ['There is no impediment', 'Kevin Rudd']]);
  });

  it('returns the organisation a place adjective qualifies ("The British government insisted"), and "it" for it', () => {
    expect(speakers([
      'The British government did not deny the memo, but insisted that "the prime minister acted after a vote." It added that they "do not comment on conversations."',
    ])).toEqual([['the prime minister acted after a vote.', 'British government'], ['do not comment on conversations.', 'British government']]);
  });

  it('returns no speaker for words someone "was told": the subject heard them', () => {
    expect(speakers([
      'Raed Jarrar complained at the gate.',
      '"Many people called and complained about your t-shirt," Jarrar was told after he complained.',
    ])).toEqual([['Many people called and complained about your t-shirt', null]]);
  });
});

describe('extractQuotes: one person under several forms of their name', () => {
  it('returns the full name for a first name alone, unless two people share it', () => {
    expect(speakers(['Raed Jarrar was stopped at the gate. "I feel very sad," Raed said.'])).toEqual([['I feel very sad', 'Raed Jarrar']]);
    expect(speakers(['Raed Jarrar and Raed Salem were stopped. "I feel very sad," Raed said.'])).toEqual([['I feel very sad', 'Raed']]);
  });

  it('returns the person named after the organisation they speak for', () => {
    expect(speakers(['Chief spokesman for the National Security Council Frederick Jones said that "the White House would not comment."']))
      .toEqual([['the White House would not comment.', 'Frederick Jones']]);
    // An organisation's own name is not split: "United Nations Committee Against Torture".
    expect(speakers(['"The State party should close this facility," the United Nations Committee Against Torture said.']))
      .toEqual([['The State party should close this facility', 'United Nations Committee Against Torture']]);
  });

  it('returns the sentence\'s subject when a pronoun after the verb opens the next clause ("…", says he did)', () => {
    expect(speakers(['Michel Cormier recalled the game.', 'Shane Doan, who has "strong Christian values", says he did make a remark.']))
      .toEqual([['strong Christian values', 'Shane Doan']]);
  });
});

describe('extractQuotes: unnamed speakers and roles after "of"', () => {
  it('returns someone new for "a <role>", and that description again for "the <role>"', () => {
    expect(speakers([
      'Andrew Mennear said he was shocked.',
      'A Labour spokesman denied the campaign was anti-Semitic. "This poster is making a serious point," he said.',
    ])).toEqual([['This poster is making a serious point', 'Labour spokesman']]);
    expect(speakers([
      'Robert Brockmann, a U.N. spokesperson, said the plane was lost, according to a general in the Bolivian Air Force.',
      '"The place is inaccessible," the general said.',
    ])).toEqual([['The place is inaccessible', 'general']]);
  });

  it('returns the person after a title "of" an organisation ("Leader of the Australian Greens Bob Brown")', () => {
    expect(speakers(['Leader of the Australian Greens Bob Brown says that the plan is "daft".', 'Senator Brown said: "It is daft."']))
      .toEqual([['daft', 'Bob Brown'], ['It is daft.', 'Bob Brown']]);
  });
});

describe('extractQuotes: who speaks for whom', () => {
  it('returns the person "his office" or "her campaign" speaks for', () => {
    expect(speakers(['Senator Kim Carr criticised the plan. "It is a sham," his office said in a statement.'])).toEqual([['It is a sham', 'Kim Carr']]);
  });

  it('returns the first of two people named together, but not one of two countries', () => {
    expect(speakers(['Prime Minister John Key and Finance Minister Bill English said: "The budget is balanced."'])).toEqual([['The budget is balanced.', 'John Key']]);
    expect(speakers(['Russia and China said: "We object to the plan."'])).toEqual([['We object to the plan.', 'Russia and China']]);
  });
});

describe('extractQuotes: the sentence\'s own subject', () => {
  it('returns the person after an opening place, not the place ("In Germany, … director Klaus Braeunig said")', () => {
    expect(speakers(['In Germany, Verband der Automobilindustrie executive director Klaus Braeunig said that the plan is "a clear distortion of competition."']))
      .toEqual([['a clear distortion of competition.', 'Klaus Braeunig']]);
  });

  it('returns the sentence\'s named subject for "he"/"she" after it, not someone an earlier sentence named', () => {
    expect(speakers([
      'Tom Baker, head of First Interstate, said the bank lost money.',
      'Joseph Pinola said the answer will be political, which he said he finds "very disquieting and discomforting."',
    ])).toEqual([['very disquieting and discomforting.', 'Joseph Pinola']]);
  });
});

describe('extractQuotes: more shapes of attribution', () => {
  it('returns the subject past an aside ("Toyota, in a statement posted on its website, said"), and the statement as its issuer', () => {
    expect(speakers([
      'Ray LaHood said the firm hid it.',
      'Toyota, in a statement posted on its website, said that "We have taken steps." The statement added, "These include a new officer."',
    ])).toEqual([['We have taken steps.', 'Toyota'], ['These include a new officer.', 'Toyota']]);
  });

  it('returns the name after an owner\'s role ("said the ACLU\'s senior legislative counsel, Christopher Anders")', () => {
    expect(speakers(['"He has put the cart before the horse," said the American Civil Liberties Union\'s senior legislative counsel, Christopher Anders.']))
      .toEqual([['He has put the cart before the horse', 'Christopher Anders']]);
  });

  it('returns the person before a title of an organisation with no closing comma ("X, President of the Y said")', () => {
    expect(speakers(['Mahmoud Abbas, President of the Palestinian National Authority said: "We have a great deal of hope."']))
      .toEqual([['We have a great deal of hope.', 'Mahmoud Abbas']]);
  });

  it('returns a description that says whose it is as itself, and reads "elaborated", "advised", "chanted" as reporting', () => {
    expect(speakers([
      'Busho Ibrahim Ali denied the claims.',
      'The deputy commander of the brigade advised his higher command, "As each day goes by, I get more input."',
      '"Abbas is a traitor," the crowd chanted. "It will simply work," Barack Obama elaborated.',
    ])).toEqual([['As each day goes by, I get more input.', 'deputy commander of the brigade'], ['Abbas is a traitor', 'crowd'], ['It will simply work', 'Barack Obama']]);
  });
});

describe('extractQuotes: a paragraph that opens with a quotation and then names a new speaker', () => {
  it('returns the speaker the paragraph names next, not the previous paragraph\'s', () => {
    expect(speakers(['"We will win this," said Tom Smith.', '"It is wrong." "It is unfair to everyone here," said Ann Jones, the mayor.']))
      .toEqual([['We will win this', 'Tom Smith'], ['It is wrong.', 'Ann Jones'], ['It is unfair to everyone here', 'Ann Jones']]);
  });

  it('returns the previous paragraph\'s speaker when the paragraph names no one new', () => {
    expect(speakers(['"We will win this," said Tom Smith.', '"It is wrong." The council has not replied.']))
      .toEqual([['We will win this', 'Tom Smith'], ['It is wrong.', 'Tom Smith']]);
  });
});

describe('extractQuotes: titles with "and", "it" for a company, participles', () => {
  it('returns one person for a title joined by "and" ("Economy and Labour Minister Wolfgang Clement"), and "he" for him', () => {
    expect(speakers([
      '"We are surprised," said economist Bernd Weidensteiner.',
      'Economy and Labour Minister Wolfgang Clement called the dip "a very mild decline". He said he expected "a modest economic upswing".',
    ])).toEqual([['We are surprised', 'Bernd Weidensteiner'], ['a very mild decline', 'Wolfgang Clement'], ['a modest economic upswing', 'Wolfgang Clement']]);
  });

  it('returns the company that spoke of itself as "it" for "it added"', () => {
    expect(speakers(['Microsoft has said it will replace 14 million cables.', 'In a statement, it added: "In almost all instances, damage was contained."']))
      .toEqual([['In almost all instances, damage was contained.', 'Microsoft']]);
  });

  it('returns the subject, not the object of a participle after a quotation ("…" calling X\'s win "…")', () => {
    expect(speakers(['David Cameron hailed the result, calling the Conservatives\' overturning of the majority "the start of something different".']))
      .toEqual([['the start of something different', 'David Cameron']]);
  });
});

describe('extractQuotes: statements, places and adverbs around the subject', () => {
  it('returns the issuer of "a statement" for "the statement", not a place named on the way', () => {
    expect(speakers([
      'The United States Embassy in New Delhi, India has warned citizens in a statement on its website that attacks may come.',
      '"The Embassy has learned of plans to attack," said the statement.',
    ])).toEqual([['The Embassy has learned of plans to attack', 'United States Embassy']]);
  });

  it('returns the subject after an opening adverb and a description running on to its role noun', () => {
    expect(speakers([
      'Conversely, Democrat Barbara Boxer of California questioned it, stating, "The people have the right to ask."',
      '"The moment has come," said Greek prime minister George Papandreou.',
    ])).toEqual([['The people have the right to ask.', 'Barbara Boxer'], ['The moment has come', 'George Papandreou']]);
  });

  it('returns the organisation named by an acronym after an opening participle phrase ("Hinting at …, NIESR said")', () => {
    expect(speakers(['Hinting at better times for UK exporters, NIESR said the euro zone "is expected to pick up speed".']))
      .toEqual([['is expected to pick up speed', 'NIESR']]);
  });
});
