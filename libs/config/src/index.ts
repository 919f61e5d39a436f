export { loadConfig, ConfigurationError } from './load-config.js';
