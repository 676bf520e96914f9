import { z } from 'zod';
import { ROLES } from './roles.ts';

export const SignInBody = z.strictObject({
  username: z.string().min(1, 'is required').max(64, 'must be at most 64 characters'),
  password: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
});
export type SignInBody = z.infer<typeof SignInBody>;

/**
 * The signed-in user: `targets` holds the role on each target the user may see; `role` is the
 * role on the default target (else the highest held), for screens that show one.
 */
export const SessionUser = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  targets: z.record(z.string(), z.enum(ROLES)),
});
export type SessionUser = z.infer<typeof SessionUser>;
export const SessionResponse = z.object({ user: SessionUser });
