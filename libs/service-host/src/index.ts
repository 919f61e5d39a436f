export { runService, type ServiceDefinition } from './run-service.js';
export { ServiceContext } from './service-context.js';
export { ServiceInfrastructure, type ServiceInfrastructureOptions } from './service-infrastructure.module.js';
export {
  startTestService,
  type TestService,
  type TestServiceInfra,
  type TestServiceOptions,
} from './start-test-service.js';
export { flushSpans, instrumentLibraries, startTracing, tracingRequested, type Tracing } from './tracing/tracing.js';
