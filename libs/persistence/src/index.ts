export {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  inTransaction,
  openDatabase,
  withDatabase,
  type DatabaseOptions,
} from './database.js';
