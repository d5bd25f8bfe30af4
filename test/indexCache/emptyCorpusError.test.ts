import { describe, expect, it } from 'vitest';
import { EmptyCorpusError } from '../../src/indexCache/index.js';

describe('EmptyCorpusError', () => {
  it('names the folder and counts the skipped files in words a person would write', () => {
    expect(new EmptyCorpusError('seeds', 1).message).toBe('no article could be loaded from seeds (1 file skipped)');
    expect(new EmptyCorpusError('seeds', 3).message).toBe('no article could be loaded from seeds (3 files skipped)');
  });
});
