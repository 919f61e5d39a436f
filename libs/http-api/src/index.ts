export {
  ProblemException,
  problemType,
  PROBLEM_CONTENT_TYPE,
  type FieldError,
  type ProblemDetails,
} from './problem/problem-details.js';
export { ProblemDetailsFilter, toProblem } from './problem/problem-details.filter.js';
export { isDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from './problem/unavailable.js';
export { jsonDepthExceeds, DEFAULT_MAX_JSON_DEPTH } from './app/json-body.js';
export {
  createValidationPipe,
  fieldErrors,
  missingNestedFields,
  validationProblem,
} from './validation/validation-pipe.js';
export {
  createHttpApp,
  configureHttpApp,
  logLevelsFrom,
  nestLoggerFor,
  trustProxyFrom,
  type HttpAppOptions,
} from './app/create-http-app.js';
export { createServiceLogger, type LogFormat, type ServiceLoggerOptions } from './logging/service-logger.js';
export { REQUEST_ID_HEADER, registerRequestLog, requestIdOf } from './logging/request-log.js';
export { MetricsModule, MetricsServer, type MetricsOptions } from './metrics/metrics.module.js';
export type { RateLimits } from './app/defences.js';
export { HealthModule } from './health/health.module.js';
export { READINESS_CHECKS, type ReadinessCheck } from './health/readiness.js';
export { etagFor, requireIfMatch } from './concurrency/etag.js';
export { decodeCursor, encodeCursor, pageOf, type Page } from './pagination/cursor.js';
export {
  AddIdempotencyEventIds1763900000001,
  claimIdempotencyKey,
  requestHash,
  CreateIdempotencyKeys1763900000000,
  type IdempotencyClaim,
  recordIdempotentEvents,
} from './idempotency/idempotency-keys.js';
export { Origin, type RequestOrigin } from './origin/request-origin.decorator.js';
export {
  ApiExampleBody,
  type RequestExample,
  ApiIdempotencyKey,
  ApiIfMatch,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  RESPONSE_HEADERS,
  type DeclaredProblem,
  type ResponseHeaderName,
  type SuccessOptions,
} from './openapi/api-responses.decorator.js';
export { openApiDocument, EVENTS_HEADER, type ApiDocumentInfo } from './openapi/openapi-document.js';
export { FieldErrorView, ProblemView } from './openapi/problem.view.js';
export { PageOf } from './openapi/page.view.js';
export { registerComponentSchemas } from './openapi/component-schemas.js';
export { toCsv, flatten } from './csv/csv.js';
