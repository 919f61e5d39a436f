export { AccessRecorder, type RecordedAccess } from './access-recorder.js';
export { AccessAttemptsInterceptor } from './access-attempts.interceptor.js';
export { grantCovers, type BreakGlassGrant } from './break-glass/break-glass-grant.rules.js';
export { BreakGlassGrants } from './break-glass/break-glass-grants.js';
export { breakGlassControllers, breakGlassMigrations, breakGlassProviders } from './break-glass/break-glass-parts.js';
