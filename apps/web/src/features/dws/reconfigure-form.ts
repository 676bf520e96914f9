import { ReconfigureBody } from '@dsc/api-types';
import { z } from 'zod';

const fields = ReconfigureBody.shape.reconfigure.shape;

/** Set on the confirmation field when the typed name does not match the cluster's. */
export const CONFIRM_MISMATCH = 'confirm-mismatch';

/**
 * Agency and reboot are the catalogue's own fields; a reboot restarts the cluster, so it also
 * needs the cluster's name typed back. An empty agency is left out (the current one is kept).
 */
export function reconfigureFormSchema(clusterName: string) {
  return z
    .object({
      agency: z
        .string()
        .transform((v) => v.trim() || undefined)
        .pipe(fields.agency),
      reboot: z.boolean(),
      confirmName: z.string(),
    })
    .superRefine((v, ctx) => {
      if (v.reboot && v.confirmName.trim() !== clusterName) {
        ctx.addIssue({ code: 'custom', path: ['confirmName'], message: CONFIRM_MISMATCH });
      }
    });
}
export type ReconfigureFormInput = z.input<ReturnType<typeof reconfigureFormSchema>>;
export type ReconfigureFormValues = z.output<ReturnType<typeof reconfigureFormSchema>>;

export const AGENCY_MAX = fields.agency.unwrap().maxLength ?? undefined;

/** The wire body, checked by the catalogue's schema; reboot is always sent, as in seed 001. */
export function toReconfigureBody(v: ReconfigureFormValues): ReconfigureBody {
  return ReconfigureBody.parse({
    reconfigure: { reboot: v.reboot, ...(v.agency ? { agency: v.agency } : {}) },
  });
}
