export { loadConfig, ConfigurationError } from './load-config.js';
export { ServiceConfig } from './service-config.js';
