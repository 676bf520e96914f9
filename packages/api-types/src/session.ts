import { z } from 'zod';
import { ROLES } from './roles.ts';

export const SignInBody = z.strictObject({
  username: z.string().min(1, 'is required').max(64, 'must be at most 64 characters'),
  password: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
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
  via: z.literal('oidc').optional(),
  subject: z.string().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;
export const SessionResponse = z.object({ user: SessionUser });

/** `GET /api/session/options` (no session needed): which ways to sign in the page offers. */
export const SignInOptions = z.object({
  password: z.boolean(),
  oidc: z.object({ providerName: z.string() }).nullable(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** `DELETE /api/session` answers 204, or this when the identity provider should end its session too. */
export const SignOutAnswer = z.object({ logoutUrl: z.url() });
export type SignOutAnswer = z.infer<typeof SignOutAnswer>;
