import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { CommandLineError, parseCommandLine, type CommandShape } from '../../src/console/parseCommandLine.js';
import { markdownToText, renderText } from '../../src/console/renderText.js';
import type { Reply } from '../../src/discord/reply.js';
import { commands } from '../../commands/index.js';
import { hostileText, question, WORDS } from './arbitraries.js';
import { TimeBudget } from './budget.js';

/** The registered commands, plus one with subcommands and required options, as the console parser sees them. */
const shapes: CommandShape[] = [
  ...commands.map((command) => command.data.toJSON() as CommandShape),
  {
    name: 'digest',
    options: [
      { name: 'set', type: 1, options: [{ name: 'channel', type: 7, required: true }, { name: 'time', type: 3 }, { name: 'timezone', type: 3 }] },
      { name: 'off', type: 1 },
    ],
  },
];
const commandNames = shapes.map((shape) => shape.name);
const optionNames = ['question', 'section', 'source', 'since', 'until', 'channel', 'time', 'timezone', 'set', 'off', 'text', 'speaker'];

/** A typed console line: a command (known or not), option names with and without values, and hostile text. */
const line = fc
  .array(
    fc.oneof(
      fc.constantFrom(...commandNames.map((name) => `/${name}`), '/', '//', '/ASK', '/ask:', 'ask'),
      fc.constantFrom(...optionNames).map((name) => `${name}:`),
      fc.constantFrom(...WORDS),
      hostileText(40),
    ),
    { maxLength: 12 },
  )
  .chain((parts) => fc.constantFrom(' ', '  ', '\t', '\u00a0', '').map((glue) => parts.join(glue)));

describe('parseCommandLine (fuzz)', () => {
  it('parses any line or throws CommandLineError, never anything else', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(fc.oneof(line, question, line.map((text) => `${text}${'x'.repeat(6000)}`)), (text) => {
        budget.measure(text, () => {
          try {
            const parsed = parseCommandLine(text, shapes);
            expect(commandNames).toContain(parsed.name);
            for (const [name, value] of parsed.values) {
              expect(parsed.shape.map((option) => option.name)).toContain(name);
              expect(typeof value).toBe('string');
            }
            for (const option of parsed.shape) if (option.required) expect(parsed.values.has(option.name)).toBe(true);
          } catch (error) {
            if (!(error instanceof CommandLineError)) throw error;
            expect(error.message.length).toBeLessThan(400);
          }
        });
      }),
      { numRuns: 3000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});

describe('markdownToText (fuzz)', () => {
  it('never throws on any Markdown, with or without colour, whatever the clock', () => {
    const budget = new TimeBudget(1000);
    const markdown = fc.oneof(
      hostileText(2000),
      fc.constantFrom('<t:999999999999:R>', '<t:999999999999:f>', '<t:0:R>', '<t:1:x>', '[a](https://x)', '**a**').chain((piece) =>
        fc.integer({ min: 1, max: 2000 }).map((n) => piece.repeat(n)),
      ),
    );
    fc.assert(
      fc.property(markdown, fc.boolean(), fc.integer({ min: -8.64e15, max: 8.64e15 }), (text, color, now) => {
        const out = budget.measure(text, () => markdownToText(text, { color, now: () => now }));
        expect(typeof out).toBe('string');
      }),
      { numRuns: 2000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});

describe('renderText (fuzz)', () => {
  const embed: fc.Arbitrary<APIEmbed> = fc.record(
    {
      title: hostileText(200),
      url: hostileText(60),
      description: hostileText(800),
      footer: fc.record({ text: hostileText(100) }),
      fields: fc.array(fc.record({ name: hostileText(40), value: hostileText(200) }), { maxLength: 30 }),
    },
    { requiredKeys: [] },
  );
  const reply: fc.Arbitrary<Reply> = fc.record(
    { content: hostileText(600), embeds: fc.array(embed, { maxLength: 12 }), ephemeral: fc.boolean() },
    { requiredKeys: [] },
  );

  it('renders any reply as text without throwing', () => {
    fc.assert(
      fc.property(reply, fc.boolean(), (given, color) => {
        expect(typeof renderText(given, { color, now: () => 1_700_000_000_000 })).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
