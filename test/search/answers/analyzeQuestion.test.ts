import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../src/search/answers/index.js';

describe('analyzeQuestion', () => {
  it.each([
    ['how much is the Nike deal with Chelsea worth', 'money'],
    ['how many whales will Japan hunt', 'quantity'],
    ['how old was Dan O\'Herlihy when he died', 'quantity'],
    ['how much of Monier does Redland hold', 'percent'],
    ['how much did chinese exports grow in 2004', 'percent'],
    ['how much is the French rescue plan for the car industry', 'money'],
    ['how much has the pound fallen', 'percent'],
    ['how much snow fell', 'quantity'],
    ['how much oil does Kuwait pump', 'quantity'],
    ['when is Aboriginal Sovereignty Day', 'date'],
    ['who is the prime minister of Kosovo?', 'person'],
    ['where did Putin criticise US foreign policy', 'place'],
    ['why did european airspace close?', 'reason'],
    ['what did Tzipi Livni say about Hamas', 'quote'],
    ['what does RFID stand for', 'definition'],
    ['which record label will Jay-Z run', 'name'],
    ['what happened in Homs', 'event'],
    ['homs shelling', null],
    ['wpp annual profit grey global', 'amount'],
    ['califronia spywear law damages', 'amount'],
    ['what did Peter Andren die of?', 'reason'],
    ['how did marcello viotti die', 'reason'],
    ['what was the cause of death', 'reason'],
    ['how many people died of covid in italy', 'quantity'],
    ['opec meeting date', 'date'],
    ['gatt talks deadline', 'date'],
    ['aid package amount', 'amount'],
    ['crude oil stockpile size', 'amount'],
    ['skype source code leak', null],
    ['what did wpp do with its profit', null],
    ['what fine did the utility agree to pay', 'amount'],
    ['what oil price does ecuador need', 'amount'],
    ['which company did wpp buy during the year', 'name'],
    ['what new body does etzioni want', 'name'],
  ] as const)('reads "%s" as expecting %s', (question, expected) => {
    expect(analyzeQuestion(question).expected).toBe(expected);
  });

  it('takes the speaker of "what did X say" as typed', () => {
    expect(analyzeQuestion('what did Michael Howard say about BNP voters').speaker).toBe('Michael Howard');
    expect(analyzeQuestion('how many whales will Japan hunt').speaker).toBeNull();
  });

  it('asks for a length of "how tall / deep / wide", for no particular measure otherwise', () => {
    expect(analyzeQuestion('how tall is the eiffel tower').measure).toBe('length');
    expect(analyzeQuestion('how deep is the Mariana trench?').measure).toBe('length');
    expect(analyzeQuestion('how many whales will Japan hunt').measure).toBeNull();
  });

  it('asks for a frequency of "how often", a bare count accepted after it', () => {
    expect(analyzeQuestion('how often will IT Safe send security alerts').measure).toBe('frequency');
    expect(analyzeQuestion('how frequently do the trains run').accepts).toEqual(['frequency', 'quantity']);
    expect(analyzeQuestion('how often will IT Safe send security alerts').expected).toBe('quantity');
  });

  it.each([
    'what is the french digital terrestrial tv service called',
    'whats berlusconis plan for the italian economy called?',
    'what was the name of the ship',
    'what name will genentech sell tpa under',
  ])('reads "%s" as asking for the name given to something', (question) => {
    const analysis = analyzeQuestion(question);
    expect(analysis.expected).toBe('name');
    expect(analysis.naming).toBe(true);
  });

  it('reads neither "what did X call for" nor a plain "which" question as asking for a given name', () => {
    expect(analyzeQuestion('what did the minister call for').naming).toBe(false);
    expect(analyzeQuestion('which tory mp called for a probe').naming).toBe(false);
  });

  it('accepts a quantity where money is expected, but prefers money', () => {
    expect(analyzeQuestion('how much did the giant tuna sell for').accepts).toEqual(['money', 'quantity', 'percent']);
  });
});
