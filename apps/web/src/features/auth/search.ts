import { z } from 'zod';
import { safeRedirectTarget } from './redirect-target.ts';

// An unsafe or malformed target is dropped, never an error: the page still lets the user sign in.
export const signInSearchSchema = z.object({
  redirect: z
    .unknown()
    .transform((v) => safeRedirectTarget(v))
    .optional()
    .catch(undefined),
});

export type SignInSearch = z.output<typeof signInSearchSchema>;
