import * as z from 'zod/mini';
import { ROLES } from './roles.ts';

// In zod/mini: the session is the web's first answer, read before anything loads zod itself, and
// the sign-in form checks its body with it ('@dsc/api-types/session').

export const SignInBody = z.strictObject({
  username: z.string().check(z.minLength(1, 'is required'), z.maxLength(64, 'must be at most 64 characters')),
  password: z.string().check(z.minLength(1, 'is required'), z.maxLength(256, 'must be at most 256 characters')),
});
export type SignInBody = z.infer<typeof SignInBody>;

/**
 * The signed-in user: `targets` holds the role on each target the user may see; `role` is the
 * role on the default target (else the highest held), for screens that show one. `via` says how
 * the user signed in (absent: the users file); OIDC sessions carry the provider's `subject`.
 */
export const SessionUser = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  targets: z.record(z.string(), z.enum(ROLES)),
  via: z.optional(z.literal('oidc')),
  subject: z.optional(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;
export const SessionResponse = z.object({ user: SessionUser });

/** `GET /api/session/options` (no session needed): which ways to sign in the page offers. */
export const SignInOptions = z.object({
  password: z.boolean(),
  oidc: z.nullable(z.object({ providerName: z.string() })),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** `DELETE /api/session` answers 204, or this when the identity provider should end its session too. */
export const SignOutAnswer = z.object({ logoutUrl: z.url() });
export type SignOutAnswer = z.infer<typeof SignOutAnswer>;
