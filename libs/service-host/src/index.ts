export { DatabaseHealth } from './database.health.js';
export { runService, type ServiceDefinition } from './run-service.js';
export { ServiceContext } from './service-context.js';
export { ServiceInfrastructure, type ServiceInfrastructureOptions } from './service-infrastructure.module.js';
