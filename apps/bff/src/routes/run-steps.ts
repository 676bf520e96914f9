import type { NextFunction, Request, RequestHandler, Response } from 'express';

export type Step = RequestHandler;

/** Runs steps in order the way a router runs a route's handlers: next() goes on, next(err) or a throw (sync or async) stops. */
export function runSteps(
  steps: readonly Step[],
  req: Request,
  res: Response,
  done: NextFunction,
): void {
  let i = 0;
  const next: NextFunction = (err?: unknown) => {
    // 'route' and 'router' leave the remaining steps, as they leave a route's handlers in Express.
    if (err === 'route' || err === 'router') {
      done();
      return;
    }
    if (err !== undefined) {
      done(err);
      return;
    }
    const step = steps[i++];
    if (!step) {
      done();
      return;
    }
    try {
      const r = step(req, res, next) as unknown;
      if (r instanceof Promise) r.catch(done);
    } catch (e) {
      done(e);
    }
  };
  next();
}

/**
 * Several middlewares as one router layer: each layer costs the router a match and a call per
 * request, which the overhead benchmark showed to add up for the handful every request passes.
 */
export function sequence(...steps: Step[]): RequestHandler {
  return (req, res, next) => runSteps(steps, req, res, next);
}
