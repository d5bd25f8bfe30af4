import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandContext, invocationOf } from '../support/commandContext.js';
import quote from '../../commands/quote.js';
import type { AppContext } from '../../src/context.js';
import type { AutocompleteInvocation, Choice, } from '../../src/discord/invocation.js';
import { EMBED_DESCRIPTION_LENGTH, EMBED_TOTAL_LENGTH } from '../../src/discord/limits.js';
import { embedsLength, type Reply } from '../../src/discord/reply.js';
import { buildLibrary, LibraryStore } from '../../src/library.js';

const root = path.resolve(import.meta.dirname, '../..');
let ctx: AppContext;

beforeAll(async () => {
  const seeds = path.join(root, 'seeds');
  ctx = commandContext(new LibraryStore(await buildLibrary(seeds), seeds));
});

/** Runs `/quote` with the given options and returns what it replied. */
async function run(values: Record<string, string>, context: AppContext = ctx): Promise<Reply[]> {
  const replies: Reply[] = [];
  const invocation = invocationOf(quote, values, { reply: async (reply) => void replies.push(reply) });
  await quote.execute(invocation, context);
  return replies;
}

async function complete(value: string): Promise<Choice[]> {
  let choices: Choice[] = [];
  const invocation: AutocompleteInvocation = {
    commandName: 'quote',
    subcommand: null,
    focused: { name: 'speaker', value },
    options: { string: () => null, integer: () => null, boolean: () => null, channel: () => null },
    user: { id: 'u1', name: 'User' },
    guildId: 'g1',
    respond: async (given) => void (choices = given),
  };
  await quote.autocomplete!(invocation, ctx);
  return choices;
}

type Result = { quote: string; speaker: string | null; role: string | null; kind: string; id: string; headline: string };
const results = (reply: Reply | undefined) => (reply?.data?.results ?? []) as Result[];

describe('/quote data', () => {
  it('declares text, speaker (autocompleted) and about, with their length limits', () => {
    const json = quote.data.toJSON() as { name: string; options: { name: string; max_length?: number; autocomplete?: boolean }[] };
    expect(json.name).toBe('quote');
    expect(json.options.map((option) => [option.name, option.max_length, option.autocomplete ?? false])).toEqual([
      ['text', 200, false],
      ['speaker', 100, true],
      ['about', 200, false],
    ]);
    expect(quote.expensive).toBe(true);
  });
});

describe('/quote execute', () => {
  it('replies who said it, with speaker, role, headline and the machine-readable result', async () => {
    const [reply] = await run({ text: 'who said "moral stain"' });
    expect(results(reply)[0]).toEqual({
      quote: 'moral stain',
      speaker: 'Alain Juppe',
      role: 'the French foreign minister',
      kind: 'partial',
      id: '000_8ea7bffe1f96b296.txt',
      headline: "Syrian army 'steps up Homs offensive'",
    });
    const description = reply!.embeds![0]!.description!;
    expect(description).toContain('**Alain Juppe**, the French foreign minister');
    expect(description).toContain('6 Feb 2012');
    expect(description).toContain('Al Jazeera');
  });

  it('replies with an honest refusal when no quotation matches', async () => {
    const [reply] = await run({ text: 'banana pudding recipe' });
    expect(reply!.content).toContain('No quote in the coverage matches “banana pudding recipe”');
    expect(results(reply)).toEqual([]);
  });

  it('replies with the speaker\'s quotations newest first, in pages that turn with the buttons', async () => {
    const [first] = await run({ speaker: 'juppé' });
    const all = results(first);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((entry) => entry.speaker))).toEqual(new Set(['Alain Juppe']));
    const more = first!.components?.[0]?.components[1];
    expect(more).toBeDefined();
    const turned = ctx.pages.turn((more as { custom_id: string }).custom_id, 'u1');
    expect(turned.ok && turned.reply.embeds?.[0]?.title).toMatch(/^6\. /u);
  });

  it('narrows a speaker\'s quotations to the subject asked about', async () => {
    const [reply] = await run({ speaker: 'Juppe', about: 'sanctions' });
    expect(results(reply).map((entry) => entry.quote)).toEqual(['Europe will again harden sanctions imposed on the Syrian regime']);
  });

  it('replies ephemerally with how to use it when neither text nor speaker is given', async () => {
    const [reply] = await run({ about: 'sanctions' });
    expect(reply!.ephemeral).toBe(true);
    expect(reply!.content).toContain('/quote text:');
  });

  it('escapes Markdown in the quotation shown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), '---\ntitle: "Star wars"\ndate: 2020-01-01\nsource: Test\n---\n\n"This is *not* bold, it is __plain__," said Ann Lee.\n');
      const seeded = new LibraryStore(await buildLibrary(dir), dir);
      const [reply] = await run({ text: 'not bold plain' }, { ...ctx, library: seeded });
      expect(reply!.embeds![0]!.description).toContain('This is \\*not\\* bold, it is \\_\\_plain\\_\\_');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every embed within Discord limits', async () => {
    const [reply] = await run({ speaker: 'Bush' });
    for (const embed of reply!.embeds ?? []) expect(embed.description!.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_LENGTH);
    expect(embedsLength(reply!.embeds ?? [])).toBeLessThanOrEqual(EMBED_TOTAL_LENGTH);
  });
});

describe('/quote autocomplete', () => {
  it('offers at most 25 speakers, names and values within 100 characters', async () => {
    const choices = await complete('');
    expect(choices.length).toBe(25);
    expect(choices.every((choice) => choice.name.length <= 100 && choice.value.length <= 100)).toBe(true);
  });

  it('offers the speaker whose name starts with what was typed', async () => {
    const choices = await complete('jupp');
    expect(choices[0]?.value).toBe('Alain Juppe');
  });
});
