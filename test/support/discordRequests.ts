import { InteractionResponseType, type APIEmbed, type APIMessage } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { FakeDiscord, FakeUser, InjectedInteraction, RecordedRequest } from './fakeDiscord/index.js';

/** Interaction callback types the tests look for: an immediate reply, and a deferral ("thinking…"). */
export const REPLY = InteractionResponseType.ChannelMessageWithSource;
export const DEFERRED = InteractionResponseType.DeferredChannelMessageWithSource;

/** A message body as the bot sends it (interaction callback `data`, webhook edit or follow-up, channel message). */
export interface SentBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: { components?: { custom_id?: string; label?: string; disabled?: boolean }[] }[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
}

/** An interaction callback body: `type` 4 reply, 5 deferral, 7 update, 8 autocomplete choices. */
export interface CallbackBody {
  type: number;
  data?: SentBody & { choices?: { name: string; value: string }[] };
}

/** Waits for the (first) callback of an injected interaction. */
export async function callbackOf(fake: FakeDiscord, interaction: InjectedInteraction, timeoutMs = 10_000): Promise<CallbackBody> {
  const request = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, timeoutMs);
  return request.body as CallbackBody;
}

/** Every callback the bot sent for an interaction (a duplicate answer would make it two). */
export function callbacksOf(fake: FakeDiscord, interaction: InjectedInteraction): RecordedRequest[] {
  return fake.requests.filter((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

/** Waits for the edit of an interaction's original reply (what follows a deferral); returns the request. */
export function originalEditOf(fake: FakeDiscord, interaction: InjectedInteraction, timeoutMs = 10_000): Promise<RecordedRequest> {
  return fake.waitForRequest(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`,
    timeoutMs,
  );
}

/** The message the fake stored and answered with (has the id a later button click refers to). */
export function answeredMessage(request: RecordedRequest): APIMessage {
  return request.response as APIMessage;
}

/** Request bodies that carry a message the bot sent: channel messages, webhook edits and follow-ups, callbacks with data. */
export function sentMessageBodies(requests: readonly RecordedRequest[]): { request: RecordedRequest; body: SentBody }[] {
  const bodies: { request: RecordedRequest; body: SentBody }[] = [];
  for (const request of requests) {
    if (request.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(request.path)) bodies.push({ request, body: request.body as SentBody });
    else if ((request.method === 'POST' || request.method === 'PATCH') && request.path.startsWith('/webhooks/')) bodies.push({ request, body: request.body as SentBody });
    else if (request.method === 'POST' && request.path.endsWith('/callback')) {
      const callback = request.body as CallbackBody;
      // 4 = reply, 7 = update: the only callbacks that carry a message (5 and 6 defer, 8 is autocomplete).
      if ((callback.type === 4 || callback.type === 7) && callback.data) bodies.push({ request, body: callback.data });
    }
  }
  return bodies;
}

/**
 * The readable text of a message: content, embed titles, descriptions, fields and footers, with Markdown emphasis
 * and escapes removed and whitespace (including the seed's non-breaking spaces) collapsed, so that a test can look
 * for a phrase of the article in it.
 * @example messageText({ embeds: [{ description: 'at **least** 6,000' }] }) // => 'at least 6,000'
 */
export function messageText(body: SentBody): string {
  const parts = [body.content ?? ''];
  for (const embed of body.embeds ?? []) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/gu, '$1')
    .replace(/\*\*|__/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The buttons of a message, flattened. */
export function buttonsOf(body: SentBody): { custom_id?: string; label?: string; disabled?: boolean }[] {
  return (body.components ?? []).flatMap((row) => row.components ?? []);
}

/** Injects `/ask question:<question>` from `user` and checks the bot deferred it, as it does for every question. */
export async function askDeferred(fake: FakeDiscord, user: FakeUser, question: string): Promise<InjectedInteraction> {
  const interaction = fake.injectCommand({ name: 'ask', options: { question }, user });
  expect((await callbackOf(fake, interaction)).type).toBe(DEFERRED);
  return interaction;
}
