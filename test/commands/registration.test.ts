import { describe, expect, it } from 'vitest';
import { registrationBodies } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';

type Body = { name: string; options?: { name: string; max_length?: number }[] };

function questionLimit(env: Record<string, string>): number | undefined {
  const ask = (registrationBodies(loadConfig(env)) as Body[]).find((body) => body.name === 'ask');
  return ask?.options?.find((option) => option.name === 'question')?.max_length;
}

describe('registrationBodies', () => {
  it('registers /ask question with the length ASK_MAX_QUESTION_LENGTH allows, so Discord and /ask agree', () => {
    expect(questionLimit({})).toBe(300);
    expect(questionLimit({ ASK_MAX_QUESTION_LENGTH: '800' })).toBe(800);
  });
});
