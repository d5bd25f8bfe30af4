import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { GatewayDispatchEvents, GatewayOpcodes, type GatewayIdentifyData } from 'discord-api-types/v10';
import { buildGuildCreate, buildUser, shardForGuild } from './payloads.js';
import type { FakeState } from './state.js';

/** What one IDENTIFY said. */
export interface RecordedIdentify {
  token: string;
  intents: number;
  /** `[shardId, shardCount]`; `[0, 1]` when the client sent none. */
  shard: [number, number];
  properties: GatewayIdentifyData['properties'];
  time: number;
}

/** Heartbeat interval sent in HELLO: Discord's usual value, long enough that a short test never heartbeats. */
const HEARTBEAT_INTERVAL_MS = 41_250;
/** Close code Discord uses for a bad token (discord.js then gives up, as it should). */
const AUTHENTICATION_FAILED = 4004;

interface Connection {
  socket: WebSocket;
  /** Sequence number of the last dispatch on this connection. */
  seq: number;
  sessionId?: string;
  shard?: [number, number];
}

/** The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE per shard, heartbeats, RESUME, dispatches. */
export class FakeGateway {
  /** Every IDENTIFY received, in order. */
  readonly identifies: RecordedIdentify[] = [];
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  /** Session id → shard, so a RESUME continues the same shard. */
  private readonly sessions = new Map<string, [number, number]>();

  constructor(
    server: Server,
    private readonly state: FakeState,
    private readonly url: () => string,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /**
   * Sends a dispatch `t` with data `d` to shard `shardId`; without one, to the shard of `d.guild_id` if set, else to
   * every identified connection. Returns how many connections got it; throws when none could.
   * @example fake.dispatch('GUILD_DELETE', { id: guildId, unavailable: true })
   */
  dispatch(t: string, d: unknown, shardId?: number): number {
    const guildId = typeof d === 'object' && d !== null && 'guild_id' in d ? d.guild_id : undefined;
    const target = shardId ?? (typeof guildId === 'string' ? shardForGuild(guildId, this.state.shardCount) : undefined);
    const ready = [...this.connections].filter((c) => c.sessionId !== undefined);
    const chosen = target === undefined ? ready : ready.filter((c) => c.shard?.[0] === target);
    if (chosen.length === 0) {
      const live = ready.map((c) => c.shard?.[0]).join(', ') || 'none';
      throw new Error(`fake Discord: no gateway connection for shard ${target ?? 'any'} to dispatch ${t}; identified shards: ${live}`);
    }
    for (const connection of chosen) this.send(connection, t, d);
    return chosen.length;
  }

  /** Asks shard `shardId` to reconnect (op 7): the client then RESUMEs on a new socket. */
  requestReconnect(shardId: number): void {
    for (const connection of this.connections) {
      if (connection.shard?.[0] === shardId) connection.socket.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
    }
  }

  /** Shards that have an open, identified connection. */
  connectedShards(): number[] {
    return [...this.connections].filter((c) => c.sessionId !== undefined && c.shard).map((c) => c.shard?.[0] ?? 0);
  }

  /** Drops every socket and stops accepting new ones. */
  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const connection: Connection = { socket, seq: 0 };
    this.connections.add(connection);
    socket.on('close', () => this.connections.delete(connection));
    socket.on('error', () => this.connections.delete(connection));
    socket.on('message', (raw) => this.receive(connection, raw.toString()));
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS }, s: null, t: null }));
  }

  private receive(connection: Connection, text: string): void {
    const frame = JSON.parse(text) as { op: GatewayOpcodes; d: unknown };
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        connection.socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null }));
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, frame.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, frame.d as { token: string; session_id: string; seq: number });
        return;
      default:
        // Presence and voice updates, request guild members …: accepted and ignored.
        return;
    }
  }

  private identify(connection: Connection, data: GatewayIdentifyData): void {
    const shard: [number, number] = data.shard ? [data.shard[0], data.shard[1]] : [0, 1];
    this.identifies.push({ token: data.token, intents: data.intents, shard, properties: data.properties, time: Date.now() });
    if (data.token !== this.state.token && data.token !== `Bot ${this.state.token}`) {
      connection.socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
      return;
    }
    connection.shard = shard;
    connection.sessionId = randomUUID();
    this.sessions.set(connection.sessionId, shard);
    const { bot, applicationId } = this.state;
    const guilds = this.state.guilds.filter((g) => shardForGuild(g.id, shard[1]) === shard[0]);
    this.send(connection, GatewayDispatchEvents.Ready, {
      v: 10,
      user: { ...buildUser(bot), bot: true, verified: true, mfa_enabled: false, flags: 0 },
      application: { id: applicationId, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: connection.sessionId,
      resume_gateway_url: this.url(),
      shard,
    });
    for (const guild of guilds) this.send(connection, GatewayDispatchEvents.GuildCreate, buildGuildCreate(guild, bot));
  }

  private resume(connection: Connection, data: { token: string; session_id: string; seq: number }): void {
    if (data.token !== this.state.token && data.token !== `Bot ${this.state.token}`) {
      connection.socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
      return;
    }
    const shard = this.sessions.get(data.session_id);
    if (!shard) {
      // Not resumable: the client must identify again.
      connection.socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    connection.sessionId = data.session_id;
    connection.shard = shard;
    connection.seq = data.seq;
    this.send(connection, GatewayDispatchEvents.Resumed, {});
  }

  private send(connection: Connection, t: string, d: unknown): void {
    connection.seq += 1;
    connection.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, d, s: connection.seq, t }));
  }
}
