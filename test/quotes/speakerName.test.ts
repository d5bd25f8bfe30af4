import { describe, expect, it } from 'vitest';
import { foldName, sameSpeaker, speakerKey, surnameKey } from '../../src/quotes/index.js';

describe('foldName', () => {
  it('returns lower case without accents, punctuation or extra spaces', () => {
    expect(foldName('  Alain  Juppé, ')).toBe('alain juppe');
  });
});

describe('speakerKey', () => {
  it('returns one key for every spelling of one person', () => {
    const keys = ['Juppé', 'Juppe', 'Mr Juppe', 'juppé', 'MR. JUPPE'].map(speakerKey);
    expect(new Set(keys)).toEqual(new Set(['juppe']));
  });

  it('returns the name without its titles and middle initials', () => {
    expect(speakerKey('President Nicolas Sarkozy')).toBe('nicolas sarkozy');
    expect(speakerKey('George W. Bush')).toBe('george bush');
  });

  it('returns an organisation without the country before its name, but keeps a one-word name whole', () => {
    expect(speakerKey('U.S. Department of Homeland Security')).toBe(speakerKey('Department of Homeland Security'));
    expect(speakerKey('British Airways')).toBe('british airways');
    expect(speakerKey('British government')).toBe('british government');
  });

  it('returns a company without its legal suffix, so "Caesars World Inc" and "Caesars World" are one speaker', () => {
    expect(speakerKey('Caesars World Inc')).toBe('caesars world');
    expect(speakerKey('Dome Petroleum Ltd')).toBe('dome petroleum');
    // A two-word name loses an unambiguous suffix ("Texaco Inc" is Texaco), not one that may end a person's name.
    expect(speakerKey('Acme Inc')).toBe('acme');
    expect(speakerKey('Nguyen Sa')).toBe('nguyen sa');
    expect(speakerKey('Acme Holdings SA')).toBe('acme holdings');
  });

  it('returns a lawyer without the rank after the name, so "Guy Mansfield QC" and "Guy Mansfield" are one speaker', () => {
    expect(speakerKey('Guy Mansfield QC')).toBe('guy mansfield');
    expect(sameSpeaker('Mr Mansfield', 'Guy Mansfield QC')).toBe(true);
  });

  it('returns a lone title as it is rather than nothing', () => {
    expect(speakerKey('President')).toBe('president');
  });
});

describe('surnameKey', () => {
  it('returns the last word of the key', () => {
    expect(surnameKey('Alain Juppé')).toBe('juppe');
  });
});

describe('sameSpeaker', () => {
  it('returns true for a surname and the full name, whatever the case, accents and title', () => {
    expect(sameSpeaker('Mr Juppe', 'Alain Juppé')).toBe(true);
    expect(sameSpeaker('juppé', 'Alain Juppe')).toBe(true);
  });

  it('returns false for two full names sharing a surname, and for empty names', () => {
    expect(sameSpeaker('Tony Blair', 'Cherie Blair')).toBe(false);
    expect(sameSpeaker('', 'Blair')).toBe(false);
  });
});
