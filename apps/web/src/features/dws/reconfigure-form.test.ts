import { ReconfigureBody } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import { CONFIRM_MISMATCH, reconfigureFormSchema, toReconfigureBody } from './reconfigure-form.ts';

const schema = reconfigureFormSchema('dws-prod-analytics');

describe('reconfigure form', () => {
  it('builds the seed’s body: reboot always sent, the agency when given', () => {
    const body = toReconfigureBody(schema.parse({ agency: ' DWSAccessOBS ', reboot: false, confirmName: '' }));
    expect(body).toEqual({ reconfigure: { reboot: false, agency: 'DWSAccessOBS' } });
    expect(JSON.stringify(body)).toBe('{"reconfigure":{"reboot":false,"agency":"DWSAccessOBS"}}');
    expect(ReconfigureBody.parse(body)).toEqual(body);
  });

  it('an empty agency is left out, so the current one is kept', () => {
    expect(toReconfigureBody(schema.parse({ agency: '', reboot: false, confirmName: '' }))).toEqual({
      reconfigure: { reboot: false },
    });
  });

  it('a reboot needs the cluster name typed back exactly', () => {
    const missing = schema.safeParse({ agency: '', reboot: true, confirmName: '' });
    expect(missing.error?.issues).toEqual([expect.objectContaining({ path: ['confirmName'], message: CONFIRM_MISMATCH })]);
    expect(schema.safeParse({ agency: '', reboot: true, confirmName: 'dws-prod' }).success).toBe(false);
    expect(schema.safeParse({ agency: '', reboot: true, confirmName: 'DWS-PROD-ANALYTICS' }).success).toBe(false);
    const ok = schema.parse({ agency: '', reboot: true, confirmName: 'dws-prod-analytics' });
    expect(toReconfigureBody(ok)).toEqual({ reconfigure: { reboot: true } });
    // Without a reboot nothing needs typing.
    expect(schema.safeParse({ agency: '', reboot: false, confirmName: 'anything' }).success).toBe(true);
  });

  it('the agency is checked by the catalogue’s AgencyName', () => {
    const bad = schema.safeParse({ agency: 'bad agency!', reboot: false, confirmName: '' });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['agency'], code: 'invalid_format' });
    const long = schema.safeParse({ agency: 'a'.repeat(65), reboot: false, confirmName: '' });
    expect(long.error?.issues[0]).toMatchObject({ path: ['agency'], code: 'too_big' });
  });
});
