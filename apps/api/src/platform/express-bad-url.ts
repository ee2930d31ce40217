import { BadUrl } from '@heard/http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Express decodes only the path parameters a route declares, so `/v1/%zz/x` was a 404 where
 * Fastify, which decodes the whole path, answers 400: the same 400 here.
 */
export function expressBadUrl(request: Request, _response: Response, next: NextFunction): void {
  try {
    decodeURIComponent(request.path);
  } catch {
    return next(new BadUrl());
  }
  next();
}
