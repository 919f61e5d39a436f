export { AccessRecorder, type RecordedAccess } from './access-recorder.js';
export { AccessAttemptsInterceptor } from './access-attempts.interceptor.js';
