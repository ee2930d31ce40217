import {
  MAX_PATH_PARAMETER_LENGTH,
  PROBLEM_CONTENT_TYPE,
  problemBody,
  toProblem,
} from '@heard/http';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { BODY_LIMIT } from './body-limits';
import { answerClientError } from './client-error';

function replyProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error);
  void reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(problem, request.url));
}

/**
 * Fastify answers some errors before any route, filter or error handler runs (a path that is not
 * percent-encoding, a parameter over 100 characters, a malformed request): as problem+json here.
 */
export const fastifyServerOptions = (): FastifyServerOptions => ({
  bodyLimit: BODY_LIMIT,
  routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
  frameworkErrors: replyProblem,
  clientErrorHandler: answerClientError,
});
