export { provisionTestInfra, type TestInfra } from './test-infra.js';
export { resolveTestServers, answers, type TestServers } from './infrastructure.js';
export { startTestServers, stopTestServers } from './global-setup.js';
export { EventTap, type TappedEvent } from './event-tap.js';
export { startServiceUnderTest, type ServiceUnderTest } from './service-under-test.js';
export { LogCapture, type LogLine } from './log-capture.js';
export { openCuttableProxy, type CuttableProxy } from './tcp-proxy.js';
