export {
  ProblemException,
  problemType,
  PROBLEM_CONTENT_TYPE,
  type FieldError,
  type ProblemDetails,
} from './problem/problem-details.js';
export { ProblemDetailsFilter, toProblem } from './problem/problem-details.filter.js';
export { createValidationPipe, fieldErrors, validationProblem } from './validation/validation-pipe.js';
export { createHttpApp, configureHttpApp, logLevelsFrom, type HttpAppOptions } from './app/create-http-app.js';
export { HealthModule } from './health/health.module.js';
export { READINESS_CHECKS, type ReadinessCheck } from './health/readiness.js';
export { etagFor, requireIfMatch } from './concurrency/etag.js';
export { decodeCursor, encodeCursor, pageOf, type Page } from './pagination/cursor.js';
export {
  claimIdempotencyKey,
  requestHash,
  CreateIdempotencyKeys1763900000000,
  type IdempotencyClaim,
} from './idempotency/idempotency-keys.js';
export { Origin, type RequestOrigin } from './origin/request-origin.decorator.js';
export {
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
