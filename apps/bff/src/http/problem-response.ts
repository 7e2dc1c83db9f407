import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemTypeUri, type Problem } from '@pi-enroll/shared';
import type { ProblemError } from './problem-error.js';

export function toProblem(error: ProblemError, request: FastifyRequest): Problem {
  return {
    type: problemTypeUri(error.code),
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    instance: request.url.split('?')[0] ?? request.url,
    ...error.extras,
  };
}

export function sendProblem(reply: FastifyReply, error: ProblemError): FastifyReply {
  if (error.extras.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.extras.retryAfterSeconds));
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(toProblem(error, reply.request));
}
