export { AccessRecorder, type RecordedAccess } from './access-recorder.js';
