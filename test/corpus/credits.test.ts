import { describe, expect, it } from 'vitest';
import { classifyParagraph } from '../../src/corpus/classifyParagraph.js';
import { datelineLength, isCreditedCaption, isCreditLine, withoutCreditWords, withoutPhotographer } from '../../src/corpus/credits.js';

describe('isCreditLine', () => {
  it('returns true for agency-and-photographer credits in the layouts outlets print', () => {
    for (const line of ['Getty Images Oli Scarff', 'AFP Paul Ellis', 'Reuters/Kevin Lamarque', 'Kevin Lamarque/Reuters', 'Photo: Reuters/Phil Noble', 'Credit: PA Media / Stefan Rousseau', '(Getty Images)']) {
      expect(isCreditLine(line), line).toBe(true);
    }
  });

  it('returns false for sentences and headings that merely start with an agency or a name', () => {
    for (const line of ['Reuters reported a fall in sales.', 'Reuters reported a fall in sales', 'USA Barack Obama', 'Non-stop bombing', 'AFP said the talks had failed.']) {
      expect(isCreditLine(line), line).toBe(false);
    }
  });
});

describe('isCreditedCaption', () => {
  it('returns true for a picture block opened by a credit or closed by one', () => {
    expect(isCreditedCaption(['Getty Images Matt Cardy', 'Passengers board a ferry at Portsmouth'])).toBe(true);
    expect(isCreditedCaption(['USA Barack Obama', 'President Barack Obama speaks in the Rose Garden on Friday. Reuters/Kevin Lamarque'])).toBe(true);
  });

  it('returns false for running text', () => {
    expect(isCreditedCaption(['The ferry left Portsmouth on time, the operator said.'])).toBe(false);
  });
});

describe('classifyParagraph with credits', () => {
  it('returns caption for a block a photo credit opens, and for a lone credit line', () => {
    expect(classifyParagraph(['Getty Images Oli Scarff', 'Fishing boats moored in Whitby harbour on Sunday']).kind).toBe('caption');
    expect(classifyParagraph(['Credit: PA Media / Stefan Rousseau']).kind).toBe('caption');
  });
});

describe('datelineLength', () => {
  it('returns the length of a wire dateline with or without a date', () => {
    expect(datelineLength('WHITBY (Reuters) - The harbour master said so.')).toBe('WHITBY (Reuters) - '.length);
    expect(datelineLength('WASHINGTON, Sept 9 (AP) — President Barack Obama urged Congress.')).toBe('WASHINGTON, Sept 9 (AP) — '.length);
  });

  it('returns 0 when the paragraph opens with the story', () => {
    expect(datelineLength('The harbour master (Whitby) - said so.')).toBe(0);
    expect(datelineLength('Brittany Ferries said on Tuesday that it would cut sailings.')).toBe(0);
  });
});

describe('withoutCreditWords', () => {
  it('returns the name without agency words or a country code glued before it', () => {
    expect(withoutCreditWords(['Getty', 'Images', 'Oli', 'Scarff'])).toEqual(['Oli', 'Scarff']);
    expect(withoutCreditWords(['AFP', 'Paul', 'Ellis'])).toEqual(['Paul', 'Ellis']);
    expect(withoutCreditWords(['USA', 'Barack', 'Obama'])).toEqual(['Barack', 'Obama']);
  });

  it('returns names that are not glued to a credit unchanged', () => {
    expect(withoutCreditWords(['Paul', 'Ellis'])).toEqual(['Paul', 'Ellis']);
    expect(withoutCreditWords(['Bank', 'of', 'England'])).toEqual(['Bank', 'of', 'England']);
  });
});

describe('credits of Nordic, German and Dutch agencies, and BBC\'s picture labels (session 16)', () => {
  it('reads "NTB Scanpix/…", "…/dpa", "Image source, …" and "Image copyright …" as credit lines', () => {
    for (const line of ['NTB Scanpix/Heiko Junge', 'Heiko Junge/NTB Scanpix', 'dpa/Michael Kappeler', 'Image source, Getty Images', 'Image copyright AFP/Getty Images']) {
      expect(isCreditLine(line), line).toBe(true);
    }
    expect(isCreditLine('Image sources differ, the agency said.')).toBe(false);
  });

  it('reads a block with a line opening "Image caption", perhaps after its credit, as a caption', () => {
    expect(isCreditedCaption(['Image caption, Mayor Ole Hansen said the terminal would open in 2021'])).toBe(true);
    expect(isCreditedCaption(['Image copyright Getty Images Image caption Mayor Ole Hansen said the terminal would open in 2021'])).toBe(true);
    expect(isCreditedCaption(['The image caption was wrong, the editor said'])).toBe(false);
  });

  it('drops the photographer an agency\'s slash glued before a name, only before a name of two words or more', () => {
    expect(withoutPhotographer(['Heiko', 'Junge', 'Ole', 'Hansen'], 'Scanpix')).toEqual(['Ole', 'Hansen']);
    expect(withoutPhotographer(['Heiko', 'Junge'], 'Scanpix')).toEqual(['Heiko', 'Junge']);
    expect(withoutPhotographer(['Heiko', 'Junge', 'Ole', 'Hansen'], 'Labour')).toEqual(['Heiko', 'Junge', 'Ole', 'Hansen']);
    expect(withoutCreditWords(['NTB', 'Scanpix', 'Ole', 'Hansen'])).toEqual(['Ole', 'Hansen']);
  });
});
