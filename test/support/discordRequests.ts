import { InteractionResponseType, type APIEmbed, type APIMessage } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { FakeDiscord, FakeUser, InjectedInteraction, RecordedRequest } from './fakeDiscord/index.js';

/** The messages the bot posted to a channel (POST /channels/:id/messages), from request number `from` on. */
export function channelPosts(fake: FakeDiscord, channelId: string, from = 0): RecordedRequest[] {
  return fake.requests.slice(from).filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
}

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

/** An interaction's answer, however it came: in the callback itself (type 4), or as the edit after a deferral (5). */
export interface Answer {
  callback: CallbackBody;
  deferred: boolean;
  /** The answer's message as sent. */
  body: SentBody;
  /** The request that carried it: the callback, or the `PATCH …/@original` after a deferral. */
  request: RecordedRequest;
}

/** Waits for the answer of an interaction: the callback's message, or the edit that follows a deferral. */
export async function answerOf(fake: FakeDiscord, interaction: InjectedInteraction, timeoutMs = 10_000): Promise<Answer> {
  const request = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, timeoutMs);
  const callback = request.body as CallbackBody;
  if (callback.type !== DEFERRED) return { callback, deferred: false, body: callback.data ?? {}, request };
  const edit = await originalEditOf(fake, interaction, timeoutMs);
  return { callback, deferred: true, body: edit.body as SentBody, request: edit };
}

/** The message the fake stored as an interaction's original reply (its id is what a button click refers to). */
export async function originalMessageOf(fake: FakeDiscord, interaction: InjectedInteraction): Promise<APIMessage> {
  const response = await fetch(`${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
  expect(response.status).toBe(200);
  return (await response.json()) as APIMessage;
}

/** True for a callback that answers for everyone (a public reply or deferral), not a private refusal or error. */
export function isPublicAnswer(callback: CallbackBody): boolean {
  return callback.type === DEFERRED || (callback.type === REPLY && ((callback.data?.flags ?? 0) & 64) === 0);
}

/**
 * Injects `/ask question:<question>` from `user` and checks the bot answered it in the interaction callback itself,
 * as it does whenever the answer is ready well within Discord's 3 s (no reload running).
 */
export async function askAnsweredDirectly(fake: FakeDiscord, user: FakeUser, question: string): Promise<InjectedInteraction> {
  const interaction = fake.injectCommand({ name: 'ask', options: { question }, user });
  const callback = await callbackOf(fake, interaction);
  expect(callback.type).toBe(REPLY);
  expect(isPublicAnswer(callback)).toBe(true);
  return interaction;
}
