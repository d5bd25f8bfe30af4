export { startFakeDiscord } from './startFakeDiscord.js';
export type {
  FakeDiscord,
  FakeDiscordOptions,
  InjectAutocomplete,
  InjectButton,
  InjectCommand,
  InjectTarget,
  InjectedInteraction,
} from './startFakeDiscord.js';
export { createDefaultGuild, DEFAULT_ADMIN, DEFAULT_GUILD_ID, DEFAULT_MEMBER } from './defaultGuild.js';
export type { DefaultGuildOptions, DefaultSetup } from './defaultGuild.js';
export { nextSnowflake, shardForGuild, snowflakeForShard } from './payloads.js';
export type { FakeChannel, FakeGuild, FakeMember, FakeRole, FakeUser, OptionInput } from './payloads.js';
export type { RecordedFile, RecordedRequest, RequestPredicate } from './recorder.js';
export type { InjectedResponse, ResponseMatcher } from './server.js';
export type { RecordedIdentify } from './gateway.js';
