export { AlertService, alertsJob, followRunKey, type AlertPost, type AlertServiceDeps } from './alertService.js';
export { FOLLOW_MIN_COVERAGE, matchTopics, type Topic } from './matchTopics.js';
