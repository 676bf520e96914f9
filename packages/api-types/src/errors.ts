import * as z from 'zod';

/** The three error-body shapes the upstream gateways and services use (upstream-api.md). */
export const UpstreamErrorFlat = z.looseObject({
  error_code: z.string(),
  error_msg: z.string().optional(),
  message: z.string().optional(),
  request_id: z.string().optional(),
});
export const UpstreamErrorCodeMessage = z.looseObject({ code: z.string(), message: z.string().optional() });
export const UpstreamErrorNested = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string().optional() }),
});

export interface UpstreamErrorInfo {
  code: string | undefined;
  message: string | undefined;
  requestId: string | undefined;
}

/** Reads any of the three upstream error shapes; unknown bodies give undefined fields. */
export function parseUpstreamError(body: unknown): UpstreamErrorInfo {
  const flat = UpstreamErrorFlat.safeParse(body);
  if (flat.success) {
    return {
      code: flat.data.error_code,
      message: flat.data.error_msg ?? flat.data.message,
      requestId: flat.data.request_id,
    };
  }
  const nested = UpstreamErrorNested.safeParse(body);
  if (nested.success) {
    return { code: nested.data.error.code, message: nested.data.error.message, requestId: undefined };
  }
  const cm = UpstreamErrorCodeMessage.safeParse(body);
  if (cm.success) return { code: cm.data.code, message: cm.data.message, requestId: undefined };
  return { code: undefined, message: undefined, requestId: undefined };
}

/** The one error shape every BFF error has (design.md). */
export const ConsoleError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    status: z.number().int(),
    requestId: z.string().optional(),
    upstream: z
      .object({
        status: z.number().int(),
        code: z.string().optional(),
        message: z.string().optional(),
      })
      .optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ConsoleError = z.infer<typeof ConsoleError>;

/** Flattens zod issues to `{ "path.to.field": "message" }` for the `fields` member. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}
