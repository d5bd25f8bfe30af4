import { describe, expect, it } from 'vitest';
import { sameSpeaker, surnameKey } from '../../src/quotes/index.js';

// Round sixteen of issue #13 (dev16): general causes of the wrong speakers found in the dev16 set (descriptions of
// heldout2's kinds resolved to names, captions and credits, speakers across paragraphs), each a short made-up case.

describe('a generation mark after a surname ("Jr.", "Sr") is no surname', () => {
  it('so "Duncan" later in an article is "L.C. Duncan Jr."', () => {
    expect(surnameKey('L.C. Duncan Jr.')).toBe('duncan');
    expect(sameSpeaker('Duncan', 'L.C. Duncan Jr.')).toBe(true);
    expect(sameSpeaker('Mr Duncan', 'Tom Duncan Sr')).toBe(true);
  });

  it('but keeps father and son apart', () => {
    expect(sameSpeaker('Robert Halmi Sr', 'Robert Halmi Jr')).toBe(false);
    expect(sameSpeaker('Jr', 'Robert Halmi Jr')).toBe(false);
  });
});
