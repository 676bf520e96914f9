import http from 'node:http';
import type { Express } from 'express';

type Init = (this: object, a: unknown, b: unknown) => void;

/**
 * A constructor Node can `new` that runs `base`'s initialisation on an object whose prototype is
 * `proto` from birth. It calls `base` as a function, which Node's IncomingMessage and
 * ServerResponse allow (they are not `class`es). Reflect.construct with this function as
 * new.target would also work, but V8 builds such objects on a slow map: measured at three times
 * Express's own overhead.
 */
function bornWith(
  base: abstract new (...args: never[]) => object,
  proto: object,
): Init | undefined {
  if (Function.prototype.toString.call(base).startsWith('class')) return undefined;
  const init = base as unknown as Init;
  const make = function (this: object, a: unknown, b: unknown): void {
    init.call(this, a, b);
  } as Init & { prototype: object };
  make.prototype = proto;
  return make;
}

/**
 * The node:http server for an Express app, with every request and response created with the
 * app's prototypes. Express gives each live `req`/`res` its own prototype (Object.setPrototypeOf
 * in app.handle), which costs V8 its fast property paths in Node's own HTTP code for the rest of
 * the request: more than half of what plain Express adds per small request (decision 010). Born
 * with that prototype, the swap is a no-op. Every place that serves the BFF uses this, not
 * http.createServer(app). Should a future Node make these classes, this falls back to exactly
 * http.createServer(app) (correct, only slower), and test/http-server.test.ts fails to say so.
 */
export function createHttpServer(app: Express, options: http.ServerOptions = {}): http.Server {
  const IncomingMessage = bornWith(http.IncomingMessage, app.request);
  const ServerResponse = bornWith(http.ServerResponse, app.response);
  if (!IncomingMessage || !ServerResponse) return http.createServer(options, app);
  return http.createServer(
    {
      ...options,
      IncomingMessage: IncomingMessage as unknown as typeof http.IncomingMessage,
      ServerResponse: ServerResponse as unknown as typeof http.ServerResponse,
    },
    app,
  );
}
