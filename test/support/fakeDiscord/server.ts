import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandType,
  InteractionResponseType,
  type APIApplicationCommand,
  type APIMessage,
  type Snowflake,
} from 'discord-api-types/v10';
import { buildChannel, buildMessage, buildUser, nextSnowflake, type MessageBody } from './payloads.js';
import type { RecordedFile, RecordedRequest, RequestPredicate, RequestRecorder } from './recorder.js';
import type { FakeState, TrackedInteraction } from './state.js';

/** Which requests an injected response applies to: method + path (string = exact, RegExp = test), or a predicate. */
export type ResponseMatcher = { method?: string; path: string | RegExp } | RequestPredicate;

/** A canned answer that replaces the normal route, e.g. a 403 or a 429 with `retry_after`. */
export interface InjectedResponse {
  status: number;
  /** Sent as JSON; omitted for 204. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get it. @default 1 */
  times?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
}

const API_PREFIX = '/api/v10';
/** Longest message nonce Discord accepts. */
const NONCE_MAX_LENGTH = 25;
const UNKNOWN_ROUTE: Reply = { status: 404, body: { message: 'Unknown route (fake)', code: 0 } };

function error(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

/** The REST half of the fake: routes requests, records them, and serves injected faults first. */
export class RestRoutes {
  private readonly injected: { matcher: ResponseMatcher; response: InjectedResponse; remaining: number }[] = [];
  private readonly delays: { matcher: ResponseMatcher; ms: number; remaining: number }[] = [];
  private readonly drops: { matcher: ResponseMatcher; remaining: number }[] = [];
  /** Requests whose connection was closed unanswered (see {@link dropConnection}); not in the request log. */
  readonly dropped: RecordedRequest[] = [];

  constructor(
    private readonly state: FakeState,
    private readonly recorder: RequestRecorder,
    private readonly gatewayUrl: () => string,
  ) {}

  /** Makes the next `response.times` (default 1) requests matching `matcher` get `response` instead of the route's. */
  setResponse(matcher: ResponseMatcher, response: InjectedResponse): void {
    this.injected.push({ matcher, response, remaining: response.times ?? 1 });
  }

  /**
   * Makes the next `times` requests matching `matcher` be handled (a message is created) and recorded at once, but
   * answered only after `ms`: a client killed meanwhile never learns that Discord accepted its message.
   */
  delayResponse(matcher: ResponseMatcher, ms: number, times = 1): void {
    this.delays.push({ matcher, ms, remaining: times });
  }

  /**
   * Makes the next `times` requests matching `matcher` end with their connection closed, unanswered and not carried
   * out: the keep-alive race in which a server closes an idle connection as a request is written to it (undici's
   * "other side closed"). They go to {@link dropped}, not to the request log.
   */
  dropConnection(matcher: ResponseMatcher, times = 1): void {
    this.drops.push({ matcher, remaining: times });
  }

  /** The `node:http` request listener. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    void this.serve(req, res).catch((cause: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake Discord crashed: ${String(cause)}`, code: 0 }));
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const path = decodeURIComponent(rawPath);
    const { body, files } = await parseBody(req);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      files,
      status: 0,
      response: undefined,
      time: Date.now(),
    };
    const drop = this.drops.find((entry) => entry.remaining > 0 && matches(entry.matcher, request));
    if (drop) {
      drop.remaining -= 1;
      this.dropped.push(request);
      req.socket.destroy();
      return;
    }
    const reply = this.takeInjected(request) ?? this.route(request, url.pathname.startsWith(API_PREFIX));
    request.status = reply.status;
    request.response = reply.body;
    this.recorder.record(request);
    const delay = this.delays.find((entry) => entry.remaining > 0 && matches(entry.matcher, request));
    if (delay) {
      delay.remaining -= 1;
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
      if (res.destroyed) return;
    }
    // A 204 must carry no JSON content type: @discordjs/rest would try to parse the empty body.
    const empty = reply.status === 204 || reply.body === undefined;
    res.writeHead(reply.status, { ...(empty ? {} : { 'content-type': 'application/json' }), ...reply.headers });
    res.end(empty ? undefined : JSON.stringify(reply.body));
  }

  private takeInjected(request: RecordedRequest): Reply | undefined {
    const entry = this.injected.find((e) => e.remaining > 0 && matches(e.matcher, request));
    if (!entry) return undefined;
    entry.remaining -= 1;
    return { status: entry.response.status, body: entry.response.body, headers: entry.response.headers };
  }

  private route(request: RecordedRequest, versioned: boolean): Reply {
    if (!versioned) return UNKNOWN_ROUTE;
    const { method, path } = request;
    const parts = path.split('/').slice(1);
    const [p0, p1, p2, p3, p4] = parts;

    // Interaction callbacks and interaction webhooks are unauthenticated (discord.js sends them with auth: false).
    if (method === 'POST' && p0 === 'interactions' && parts.length === 4 && p3 === 'callback' && p1 && p2) {
      return this.callback(p1, p2, request);
    }
    if (p0 === 'webhooks' && p1 && p2) {
      if (p1 !== this.state.applicationId) return error(404, 10015, 'Unknown Webhook');
      if (parts.length === 3 && method === 'POST') return this.followUp(p2, request.body as MessageBody);
      if (parts.length === 5 && p3 === 'messages' && p4) return this.webhookMessage(method, p2, p4, request.body as MessageBody);
      return UNKNOWN_ROUTE;
    }

    if (request.headers.authorization !== `Bot ${this.state.token}`) return error(401, 0, '401: Unauthorized');
    const { state } = this;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl(),
          shards: state.shardCount,
          // max_concurrency = shard count, so one client running every shard identifies them without the 5 s wait.
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: state.shardCount },
        },
      };
    }
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: buildUser(state.bot) };
    if (method === 'GET' && path === '/applications/@me') {
      return {
        status: 200,
        body: { id: state.applicationId, name: state.bot.username, description: '', flags: 0, bot_public: false, bot_require_code_grant: false, verify_key: '', icon: null, bot: buildUser(state.bot) },
      };
    }
    if (p0 === 'applications' && p1 === state.applicationId && p2 === 'commands' && parts.length === 3) {
      return this.commands(method, 'global', request.body);
    }
    if (p0 === 'applications' && p1 === state.applicationId && p2 === 'guilds' && p3 && p4 === 'commands' && parts.length === 5) {
      return this.commands(method, p3, request.body);
    }
    if (p0 === 'channels' && p1) {
      const found = state.findChannel(p1);
      if (!found) return error(404, 10003, 'Unknown Channel');
      if (method === 'GET' && parts.length === 2) return { status: 200, body: buildChannel(found.guild, found.channel, 0) };
      if (method === 'POST' && parts.length === 3 && p2 === 'messages') return this.createMessage(p1, (request.body ?? {}) as MessageBody);
    }
    return UNKNOWN_ROUTE;
  }

  /**
   * `POST /channels/:id/messages`, with Discord's nonce rules: a nonce is a string of at most 25 characters or an
   * integer; `enforce_nonce` needs one, and a nonce already used within the window returns that message, not a new one.
   */
  private createMessage(channelId: Snowflake, body: MessageBody): Reply {
    const { nonce } = body;
    if (nonce !== undefined && (typeof nonce === 'string' ? nonce.length > NONCE_MAX_LENGTH : !Number.isInteger(nonce))) {
      return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${NONCE_MAX_LENGTH} or fewer in length.` }] } } } };
    }
    if (body.enforce_nonce && nonce === undefined) return error(400, 50035, 'Invalid Form Body: enforce_nonce requires a nonce');
    const now = Date.now();
    if (body.enforce_nonce && nonce !== undefined) {
      const earlier = this.state.nonces.get(String(nonce));
      const message = earlier && now - earlier.at <= this.state.nonceWindowMs ? this.state.messages.get(earlier.messageId) : undefined;
      if (message) return { status: 200, body: message };
    }
    const message = this.store(buildMessage(channelId, this.state.bot, body));
    if (body.enforce_nonce && nonce !== undefined) this.state.nonces.set(String(nonce), { messageId: message.id, at: now });
    return { status: 200, body: message };
  }

  private commands(method: string, scope: string, body: unknown): Reply {
    if (method === 'GET') return { status: 200, body: this.state.commands.get(scope) ?? [] };
    if (method !== 'PUT' || !Array.isArray(body)) return UNKNOWN_ROUTE;
    const registered = (body as Partial<APIApplicationCommand>[]).map(
      (command) =>
        ({
          type: ApplicationCommandType.ChatInput,
          description: '',
          options: [],
          ...command,
          id: nextSnowflake(),
          application_id: this.state.applicationId,
          version: nextSnowflake(),
          default_member_permissions: command.default_member_permissions ?? null,
          ...(scope === 'global' ? {} : { guild_id: scope }),
        }) as APIApplicationCommand,
    );
    this.state.commands.set(scope, registered);
    return { status: 200, body: registered };
  }

  private callback(interactionId: Snowflake, token: string, request: RecordedRequest): Reply {
    const interaction = this.state.interactions.get(token);
    if (!interaction || interaction.id !== interactionId) return error(404, 10062, 'Unknown interaction');
    if (interaction.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
    interaction.acknowledged = true;
    const { type, data } = (request.body ?? {}) as { type?: InteractionResponseType; data?: MessageBody };
    let message: APIMessage | undefined;
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.DeferredChannelMessageWithSource) {
      // A deferred reply exists as a "thinking…" message until editReply fills it in.
      message = this.store(this.interactionMessage(interaction, type === InteractionResponseType.DeferredChannelMessageWithSource ? { flags: (data?.flags ?? 0) | 128 } : (data ?? {})));
      interaction.originalMessageId = message.id;
    } else if (type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate) {
      const original = interaction.originalMessageId ? this.state.messages.get(interaction.originalMessageId) : undefined;
      if (original && type === InteractionResponseType.UpdateMessage && data) message = this.store({ ...original, ...pickMessageFields(data), edited_timestamp: new Date().toISOString() });
      else message = original;
    }
    if (request.query['with_response'] !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: { id: interaction.id, type: interaction.type, response_message_id: message?.id, response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource, response_message_ephemeral: ((message?.flags ?? 0) & 64) !== 0 },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  }

  private webhookMessage(method: string, token: string, messageId: string, body: MessageBody | undefined): Reply {
    const interaction = this.state.interactions.get(token);
    if (!interaction) return error(404, 10015, 'Unknown Webhook');
    const id = messageId === '@original' ? interaction.originalMessageId : messageId;
    const message = id ? this.state.messages.get(id) : undefined;
    if (!message) return error(404, 10008, 'Unknown Message');
    if (method === 'GET') return { status: 200, body: message };
    if (method === 'DELETE') {
      this.state.messages.delete(message.id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      // Editing a deferred reply clears the Loading flag (128), as Discord does.
      const edited = { ...message, ...pickMessageFields(body ?? {}), flags: (message.flags ?? 0) & ~128, edited_timestamp: new Date().toISOString() };
      return { status: 200, body: this.store(edited) };
    }
    return UNKNOWN_ROUTE;
  }

  private followUp(token: string, body: MessageBody | undefined): Reply {
    const interaction = this.state.interactions.get(token);
    if (!interaction) return error(404, 10015, 'Unknown Webhook');
    if (!interaction.acknowledged) return error(400, 40060, 'Interaction has not been acknowledged.');
    return { status: 200, body: this.store(this.interactionMessage(interaction, body ?? {})) };
  }

  private interactionMessage(interaction: TrackedInteraction, body: MessageBody): APIMessage {
    const appId = this.state.applicationId;
    return buildMessage(interaction.channelId, this.state.bot, body, { applicationId: appId, webhookId: appId });
  }

  private store(message: APIMessage): APIMessage {
    this.state.messages.set(message.id, message);
    return message;
  }
}

function pickMessageFields(body: MessageBody): Partial<APIMessage> {
  const fields: Partial<APIMessage> = {};
  if (body.content !== undefined) fields.content = body.content;
  if (body.embeds !== undefined) fields.embeds = body.embeds;
  if (body.components !== undefined) fields.components = body.components;
  return fields;
}

function matches(matcher: ResponseMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  return typeof matcher.path === 'string' ? matcher.path === request.path : matcher.path.test(request.path);
}

async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, size: value.size });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}
