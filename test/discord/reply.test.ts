import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { embedsLength, fitReply, truncate } from '../../src/discord/reply.js';
import { toMessageOptions } from '../../src/discord/sendable.js';
import {
  EMBED_DESCRIPTION_LENGTH,
  EMBED_FIELD_COUNT,
  EMBED_TOTAL_LENGTH,
  EMBEDS_PER_MESSAGE,
  MESSAGE_CONTENT_LENGTH,
} from '../../src/discord/limits.js';

describe('truncate', () => {
  it('cuts to the limit and marks the cut with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('never leaves half of a surrogate pair', () => {
    const cut = truncate('ab😀cdef', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('fitReply', () => {
  it('fits content, descriptions, field counts and embed counts to Discord limits', () => {
    const huge = 'x'.repeat(10_000);
    const embed: APIEmbed = { title: huge, description: huge, fields: Array.from({ length: 40 }, () => ({ name: huge, value: huge })), footer: { text: huge } };
    const fitted = fitReply({ content: huge, embeds: Array.from({ length: 15 }, () => embed) });
    expect(fitted.content!.length).toBe(MESSAGE_CONTENT_LENGTH);
    expect(fitted.embeds).toHaveLength(EMBEDS_PER_MESSAGE);
    for (const item of fitted.embeds!) {
      expect(item.description!.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_LENGTH);
      expect(item.fields!.length).toBeLessThanOrEqual(EMBED_FIELD_COUNT);
    }
    expect(embedsLength(fitted.embeds!)).toBeLessThanOrEqual(EMBED_TOTAL_LENGTH);
  });

  it('leaves a reply within the limits unchanged', () => {
    const reply = { content: 'hi', embeds: [{ title: 't', description: 'd' }] };
    expect(fitReply(reply)).toEqual(reply);
  });

  it('replaces an empty field name or value, which Discord rejects', () => {
    const fitted = fitReply({ embeds: [{ fields: [{ name: '', value: '' }] }] });
    expect(fitted.embeds![0]!.fields![0]).toEqual({ name: '\u200b', value: '\u200b' });
  });
});

describe('toMessageOptions', () => {
  it('disables every mention and drops console-only data', () => {
    const options = toMessageOptions({ content: '@everyone <@123> <@&456>', data: { results: [] }, ephemeral: true });
    expect(options.allowedMentions).toEqual({ parse: [], users: [], roles: [], repliedUser: false });
    expect(options).not.toHaveProperty('data');
    expect(options).not.toHaveProperty('ephemeral');
  });
});
