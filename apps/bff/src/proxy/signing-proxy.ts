import type { ClientRequest, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware, type Plugin } from 'http-proxy-middleware';
import type { Logger } from 'pino';
import type { Service } from '@dsc/api-types';
import type { UpstreamConfig } from '../config.ts';
import { SERVICES } from '../endpoints.ts';
import { ApiError, sendError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import type { UpstreamRequest } from './build-upstream-request.ts';
import { readUpstreamResponse } from './read-upstream-response.ts';
import { createUpstreamAgent } from './upstream-agent.ts';
import { interpretUpstreamResponse, type PassThrough } from './upstream-response.ts';

interface ProxyState {
  settled: boolean;
  timedOut: boolean;
  proxyReq?: ClientRequest;
  timer?: NodeJS.Timeout;
}
const states = new WeakMap<IncomingMessage, ProxyState>();

function upstreamOf(req: IncomingMessage): UpstreamRequest {
  const u = contextOf(req).upstream;
  if (!u) throw new Error('signing proxy reached without a built upstream request');
  return u;
}

interface HttpProxyWithPasses {
  before(type: 'web', passName: 'stream', pass: (req: IncomingMessage, res: unknown, options: { buffer?: Readable }) => void): void;
}

/**
 * Replaces the outgoing headers with exactly the signed set and makes the buffered body the
 * request's source. This runs as an http-proxy pass right before the request is created:
 * writing the body in `on.proxyReq` instead fails once the keep-alive pool is full, because
 * http-proxy ends the request (piping the already-consumed browser request) before a queued
 * request gets its socket, and the late setHeader/write then throws.
 */
const exactRequestPlugin: Plugin<Request, Response> = (proxyServer) => {
  (proxyServer as unknown as HttpProxyWithPasses).before('web', 'stream', (req, _res, options) => {
    const u = upstreamOf(req);
    req.headers = { ...u.headers };
    options.buffer = Readable.from(u.body.length > 0 ? [u.body] : []);
  });
};

export interface SigningProxy {
  /** Last step of every catalogue route: sends `contextOf(req).upstream` and answers the browser. */
  forward: RequestHandler;
  close(): void;
}

export function createSigningProxy(opts: { upstream: UpstreamConfig; timeoutMs: number; logger: Logger }): SigningProxy {
  const agents = SERVICES.map((s) => [s, createUpstreamAgent(new URL(opts.upstream.endpoints[s]))] as const);

  function settle(req: IncomingMessage, res: Response, outcome: PassThrough | ApiError): void {
    const state = states.get(req);
    if (!state || state.settled) return;
    state.settled = true;
    clearTimeout(state.timer);
    if (outcome instanceof ApiError) {
      sendError(res, outcome);
      return;
    }
    const requestId = contextOf(req).upstreamRequestId;
    if (requestId) res.setHeader('X-Request-Id', requestId);
    if (outcome.contentType) res.setHeader('Content-Type', outcome.contentType);
    res.status(outcome.status);
    if (outcome.status !== 204 && outcome.status !== 304) res.setHeader('Content-Length', outcome.body.length);
    res.end(outcome.body);
  }

  function onProxyRes(proxyRes: IncomingMessage, req: IncomingMessage, res: Response): void {
    const ctx = contextOf(req);
    ctx.upstreamStatus = proxyRes.statusCode;
    const headerId = proxyRes.headers['x-request-id'];
    // Known as soon as the headers arrive, so even a broken body is logged with it.
    if (typeof headerId === 'string' && headerId) ctx.upstreamRequestId = headerId.slice(0, 200);
    readUpstreamResponse(proxyRes, (outcome) => {
      if (!outcome.ok) {
        const requestId = ctx.upstreamRequestId;
        settle(req, res, new ApiError('UPSTREAM_BAD_RESPONSE', outcome.message, {
          ...(requestId ? { requestId } : {}),
          upstream: { status: outcome.status },
        }));
        return;
      }
      settle(req, res, interpretUpstreamResponse(ctx.operationId!, outcome.response));
    });
  }

  function onError(err: Error & { code?: string }, req: IncomingMessage, res: Response): void {
    const state = states.get(req);
    if (!state || state.settled) return;
    const code = typeof err.code === 'string' && /^[A-Z_]{2,40}$/.test(err.code) ? err.code : 'connection failed';
    opts.logger.warn({ requestId: contextOf(req).requestId, operationId: contextOf(req).operationId, cause: code }, 'upstream unreachable');
    settle(req, res, new ApiError('UPSTREAM_UNREACHABLE', `The cloud service could not be reached (${code})`));
  }

  const proxies = new Map<Service, RequestHandler>(
    agents.map(([service, agent]) => [
      service,
      createProxyMiddleware<Request, Response>({
        target: new URL(opts.upstream.endpoints[service]).origin,
        agent,
        changeOrigin: false,
        prependPath: false,
        xfwd: false,
        followRedirects: false,
        selfHandleResponse: true,
        pathRewrite: (_path, req) => {
          const u = upstreamOf(req);
          return u.url.pathname + u.url.search;
        },
        plugins: [exactRequestPlugin],
        on: {
          proxyReq: (proxyReq, req) => {
            const state = states.get(req);
            if (!state) return;
            state.proxyReq = proxyReq;
            if (state.timedOut) proxyReq.destroy();
          },
          proxyRes: (proxyRes, req, res) => onProxyRes(proxyRes, req, res),
          error: (err, req, res) => onError(err, req, res as Response),
        },
      }) as unknown as RequestHandler,
    ]),
  );

  const forward: RequestHandler = (req, res, next) => {
    const u = upstreamOf(req);
    const proxy = proxies.get(u.service)!;
    const state: ProxyState = { settled: false, timedOut: false };
    states.set(req, state);
    // One deadline for the whole exchange (connect, queueing for a socket, answer and body).
    state.timer = setTimeout(() => {
      state.timedOut = true;
      state.proxyReq?.destroy();
      settle(req, res, new ApiError('UPSTREAM_TIMEOUT', `The cloud service did not answer within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    res.on('close', () => clearTimeout(state.timer));
    return proxy(req, res, next);
  };

  return {
    forward,
    close: () => {
      for (const [, agent] of agents) agent.destroy();
    },
  };
}
