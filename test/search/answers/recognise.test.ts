import { describe, expect, it } from 'vitest';
import { acronymDefinitions, isStatedPurpose, isWeakReason, recognise, type SpanType } from '../../../src/search/answers/index.js';

const spans = (sentence: string, type: SpanType) => recognise(sentence).filter((span) => span.type === type).map((span) => span.text);

describe('recognise', () => {
  it('finds amounts of money with a currency sign or word and a scale', () => {
    expect(spans('Chelsea would receive a reported sum of £60 million each year.', 'money')).toEqual(['£60 million']);
    expect(spans('Emery made a 40 dlr per share offer.', 'money')).toEqual(['40 dlr']);
  });

  it('finds percentages, dates and quantities', () => {
    expect(spans('Heineken saw its annual profits drop 33% and Carlsberg 3 pct.', 'percent')).toEqual(['33%', '3 pct']);
    expect(spans('The run is on 9 April in Dublin; the vote on February 9.', 'date')).toEqual(['9 April', 'February 9']);
    expect(spans('a quota of 940 minke whales', 'quantity')).toContain('940 minke');
  });

  it('counts neither ordinals nor a lone "one" as quantities', () => {
    expect(spans('Blue Gene/L is one 5th the speed of the full version, the 21st machine, with 64 full racks.', 'quantity')).toEqual(['64 full']);
    expect(spans('one of the greatest challenges, one thousand whales', 'quantity')).toEqual(['one thousand']);
  });

  it('reads a number from its first digit only: no quantity inside a run of digits ending as an ordinal', () => {
    expect(spans(`${'1'.repeat(1_990)}th`, 'quantity')).toEqual([]);
    expect(spans('1,200 people and $1.2bn', 'money')).toEqual(['$1.2bn']);
  });

  it('finds names as runs of capitalised words, joiners inside, punctuation ending them', () => {
    expect(spans('It was blocked by Russia and China, the Bank of England said.', 'name')).toEqual(['It', 'Russia and China', 'Bank of England']);
  });

  it('finds quotations (closing punctuation left out) and the reason after a cue', () => {
    expect(spans('He said: "No, that\'s absurd." Then left.', 'quote')).toEqual(["No, that's absurd"]);
    expect(spans('Mutu was sacked after testing positive for cocaine.', 'reason')[0]).toBe('after testing positive for cocaine');
    expect(spans('Takings were down 26.5%, which was blamed on Christmas falling over a weekend.', 'reason')).toContain('blamed on Christmas falling over a weekend');
    expect(spans('The bank raised rates in order to curb inflation.', 'reason')).toContain('in order to curb inflation');
    expect(spans('Andren died of pancreatic cancer on Sunday.', 'reason')).toContain('of pancreatic cancer on Sunday');
    expect(spans('One of the leaders spoke.', 'reason')).toEqual([]);
  });

  it('finds the reason an actor gives after ", saying" or " - citing" (its stated motive)', () => {
    expect(spans('The council has shut the pool, saying repairs would cost too much.', 'reason')).toContain('saying repairs would cost too much');
    expect(spans('The firm dropped the bid - citing weak demand.', 'reason')).toContain('citing weak demand');
    expect(spans('Saying so is easy.', 'reason')).toEqual([]);
  });

  it('finds frequencies, not a comparison of "N times" nor "once" as a conjunction', () => {
    expect(spans('It will issue alerts about six to 10 times a year.', 'frequency')).toEqual(['six to 10 times a year']);
    expect(spans('Held every four years, published annually, met twice, once a week.', 'frequency')).toEqual(['every four years', 'annually', 'twice', 'once a week']);
    expect(spans('Once the deal is done, it is three times as large and 10 times more costly.', 'frequency')).toEqual([]);
  });

  it('finds amounts said in words: "almost a million", "half a billion", "a third"', () => {
    expect(spans('It would see almost a million jobs axed; half a billion lost; a third of staff', 'quantity')).toEqual(['a million', 'half a billion', 'a third']);
    expect(spans('The Czech added a third after rounding the keeper.', 'quantity')).toEqual([]);
  });

  it('reads no reason in a weak cue followed by a time or an amount ("for the first time", "over 1.24 mln")', () => {
    for (const sentence of ['It was staged for the first time in Vienna.', 'He led on security issues over the past year.', 'They went ahead after 31 minutes.', 'A record for Christmas Day.']) {
      expect(spans(sentence, 'reason')).toEqual([]);
    }
    expect(spans('Firms with sales over 1.24 mln intis must buy bonds; rates rose by 20 pct.', 'reason')).toEqual([]);
    expect(spans('He was arrested for suspected embezzlement.', 'reason')).toEqual(['for suspected embezzlement']);
  });

  it('reads a purpose said with its own verb ("to stop them losing orders") as a weak reason', () => {
    const reasons = recognise('Chang rejected a request to stop them losing orders to South Korea.').filter((span) => span.type === 'reason');
    expect(reasons.map((span) => span.text)).toEqual(['to stop them losing orders to South Korea']);
    expect(reasons.map(isWeakReason)).toEqual([true]);
    expect(recognise('They want to go home.').filter((span) => span.type === 'reason')).toEqual([]);
  });

  it('reads a purpose after a word that makes it one ("the decision was made to protect …") as a strong reason', () => {
    const purpose = (sentence: string) => recognise(sentence).filter((span) => span.type === 'reason').map((span) => isWeakReason(span) && !isStatedPurpose(span, sentence));
    expect(purpose('Officials said the decision was made to protect the safety of party leaders.')).toEqual([false]);
    expect(purpose('The barrier was designed to prevent floods.')).toEqual([false]);
    expect(purpose('The government adopted the move to obtain financing.')).toEqual([false]);
    // Completing a verb, not a purpose: weak, as without the sentence.
    expect(purpose('Chang rejected a request to stop them losing orders.')).toEqual([true]);
    expect(purpose('Workers agreed to halt production.')).toEqual([true]);
  });

  it('tells weak reason cues ("for", "after") from strong ones ("because", "blamed on")', () => {
    const reasons = (sentence: string) => recognise(sentence).filter((span) => span.type === 'reason');
    expect(reasons('A new record for most viewers.').map(isWeakReason)).toEqual([true]);
    expect(reasons('Takings fell, which was blamed on Christmas falling over a weekend.').find((span) => span.text.startsWith('blamed'))).toSatisfy((span) => !isWeakReason(span!));
    expect(reasons('Shares fell because profits dropped.').map(isWeakReason)).toEqual([false]);
  });

  it('reads acronym definitions, lower-case and all-capital words included', () => {
    expect(acronymDefinitions('the International Monetary Fund (IMF) said').map((d) => [d.acronym, d.expansion])).toEqual([['IMF', 'International Monetary Fund']]);
    expect(acronymDefinitions('radio frequency ID (RFID) tags').map((d) => d.expansion)).toEqual(['radio frequency ID']);
    expect(acronymDefinitions('the company (XYZ) said')).toEqual([]);
  });
});
