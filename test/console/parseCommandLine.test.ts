import { describe, expect, it } from 'vitest';
import { CommandLineError, parseCommandLine, type CommandShape } from '../../src/console/parseCommandLine.js';

const shapes: CommandShape[] = [
  {
    name: 'ask',
    options: [
      { name: 'question', type: 3, required: true },
      { name: 'section', type: 3 },
      { name: 'source', type: 3 },
    ],
  },
  {
    name: 'digest',
    options: [
      { name: 'set', type: 1, options: [{ name: 'channel', type: 7, required: true }, { name: 'time', type: 3 }] },
      { name: 'status', type: 1 },
    ],
  },
  { name: 'about' },
];

describe('parseCommandLine', () => {
  it('reads Discord option syntax, a value running until the next known option', () => {
    const parsed = parseCommandLine('/ask question:what happened in Homs? section:Middle East', shapes);
    expect(parsed.name).toBe('ask');
    expect(Object.fromEntries(parsed.values)).toEqual({ question: 'what happened in Homs?', section: 'Middle East' });
  });

  it('gives a line without option names to the first option', () => {
    expect(Object.fromEntries(parseCommandLine('/ask how many were injured in Bab Amr?', shapes).values)).toEqual({ question: 'how many were injured in Bab Amr?' });
  });

  it('accepts leading free text followed by named options', () => {
    expect(Object.fromEntries(parseCommandLine('/ask Homs shelling source:Al Jazeera', shapes).values)).toEqual({ question: 'Homs shelling', source: 'Al Jazeera' });
  });

  it('reads a subcommand and its options', () => {
    const parsed = parseCommandLine('/digest set channel:123 time:08:00', shapes);
    expect(parsed.subcommand).toBe('set');
    expect(Object.fromEntries(parsed.values)).toEqual({ channel: '123', time: '08:00' });
  });

  it.each([
    ['ask about Homs', 'Commands start with "/"'],
    ['/nope', 'There is no command "/nope"'],
    ['/digest', '/digest needs one of: set, status.'],
    ['/ask', '/ask needs question:<…>.'],
    ['/about extra words', '/about takes no options.'],
  ])('explains what is wrong with %j', (line, message) => {
    expect(() => parseCommandLine(line, shapes)).toThrowError(CommandLineError);
    expect(() => parseCommandLine(line, shapes)).toThrowError(message);
  });
});
