export { StateStore, type ClaimRequest, type ClaimResult, type RunPlan, type StateStoreOptions } from './stateStore.js';
export { StateFileError } from './StateFileError.js';
export type { DigestRun, FirstSeen, GuildSettings, GuildSettingsPatch, RunKind, RunStatus, StateWarning } from './types.js';
export { FeedStore, type FeedHealth, type StoredItem } from './feedStore.js';
export { COMPLETED_RUN_STATUSES, FINISHED_RUN_STATUSES, isFinishedRun } from './types.js';
export { FollowStore, type Follow } from './followStore.js';
