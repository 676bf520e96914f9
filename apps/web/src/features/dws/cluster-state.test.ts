import { describe, expect, it } from 'vitest';
import { clusterChangeState, failedReasonsText } from './cluster-state.ts';

describe('which clusters take changes', () => {
  it.each([
    ['ACTIVE', 'open'],
    ['active', 'open'],
    ['FROZEN', 'frozen'],
    ['POLICE_FROZEN', 'frozen'],
    ['FAILED', 'failed'],
    ['CREATE_FAILED', 'failed'],
    ['DELETE_FAILED', 'failed'],
    ['CREATING', 'busy'],
    ['DELETING', 'busy'],
    ['', 'busy'],
  ])('%s → %s', (status, state) => {
    expect(clusterChangeState(status)).toBe(state);
  });
});

describe('failed_reasons as text', () => {
  it('reads the keyed error objects, plain strings and nothing', () => {
    expect(
      failedReasonsText({ 'DWS.6000': { error_code: 'DWS.6000', error_msg: 'The subnet has no free IP addresses left' } }),
    ).toBe('DWS.6000: The subnet has no free IP addresses left');
    expect(failedReasonsText('disk full')).toBe('disk full');
    expect(failedReasonsText(null)).toBeUndefined();
    expect(failedReasonsText({})).toBeUndefined();
  });
});
