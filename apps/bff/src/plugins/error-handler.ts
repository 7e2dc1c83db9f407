import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../http/problem-error.js';
import { sendProblem } from '../http/problem-response.js';
import { PrivacyIdeaError, PrivacyIdeaProtocolError, PrivacyIdeaUnavailableError } from '../privacyidea/pi-errors.js';

const UPSTREAM_RETRY_AFTER_SECONDS = 5;

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params?: { additionalProperty?: string; missingProperty?: string };
}

function fieldOf(issue: ValidationIssue): string {
  const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
  if (extra !== undefined) return base === '' ? extra : `${base}.${extra}`;
  return base === '' ? 'body' : base;
}

/** Turns any error into a problem document. Internals of 5xx errors go to the log, never to the client. */
function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof PrivacyIdeaUnavailableError) {
    return new ProblemError(503, 'upstream_unavailable', 'The authentication server is not reachable right now. Please try again shortly.', {
      retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
    });
  }
  if (error instanceof PrivacyIdeaError || error instanceof PrivacyIdeaProtocolError) {
    return new ProblemError(502, 'upstream_error', 'The authentication server could not complete the request.');
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: ValidationIssue[] };
  if (fastifyError.validation !== undefined) {
    const errors = fastifyError.validation.map((issue) => ({
      field: fieldOf(issue),
      message: issue.params?.additionalProperty !== undefined ? 'is not a known field' : (issue.message ?? 'is invalid'),
    }));
    const fields = [...new Set(errors.map((item) => item.field))].join(', ');
    return new ProblemError(400, 'invalid_request', `Invalid field: ${fields}`, { errors });
  }
  switch (fastifyError.code ?? '') {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError(413, 'payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError(415, 'unsupported_media_type', 'Send the request as application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ProblemError(400, 'invalid_request', 'The request body is not valid JSON.');
    default:
      break;
  }
  if (fastifyError.statusCode === 429) {
    return new ProblemError(429, 'rate_limited', 'Too many requests. Please wait a moment.');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ProblemError(400, 'invalid_request', fastifyError.message ?? 'The request is not valid.');
  }
  return new ProblemError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
}

/** The one error handler: logs with the request's context, answers a stable problem body. */
export default fp(
  (app) => {
    app.setErrorHandler((error, request, reply) => {
      const problem = toProblemError(error);
      if (problem.status >= 500) request.log.error({ err: error, problem: problem.code }, 'request failed');
      else request.log.info({ problem: problem.code, status: problem.status }, 'request refused');
      return sendProblem(reply, problem);
    });
    app.setNotFoundHandler((request, reply) => {
      sendProblem(reply, new ProblemError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`));
    });
  },
  { name: 'error-handler' },
);
