import { describe, expect, it } from 'vitest';
import { diagnose, diagnosisCode, routeNameFor } from './diagnose.ts';

const connection = (over: Partial<Parameters<typeof diagnose>[0]['connection']> = {}) => ({
  available_queue_info: [
    { name: 'q_ok', status: 'ACTIVE', err_msg: '' },
    { name: 'q_failed', status: 'FAILED', err_msg: 'The subnet has no free IP' },
    { name: 'q_new', status: 'creating', err_msg: '' },
  ],
  hosts: [{ name: 'orders-db', ip: '172.16.5.10' }],
  routes: [{ name: 'shared', cidr: '100.64.0.0/16' }],
  ...over,
});

describe('diagnose', () => {
  it('an address no route covers: add the /24 around it', () => {
    const f = diagnose({ connection: connection(), isPrivis: false, queue: 'q_ok', address: 'orders-db:5432' });
    expect(f).toEqual([{ kind: 'no-route', ip: '172.16.5.10', cidr: '172.16.5.0/24' }]);
    expect(diagnosisCode(f)).toBe('no-route');
    expect(routeNameFor('172.16.5.0/24')).toBe('to_172_16_5_0_24');
  });

  it('a FAILED binding comes first, with the cloud’s reason, and is retryable', () => {
    const f = diagnose({ connection: connection(), isPrivis: false, queue: 'q_failed', address: '100.64.1.1:80' });
    expect(f).toEqual([
      { kind: 'binding-not-active', queue: 'q_failed', status: 'FAILED', errMsg: 'The subnet has no free IP', failed: true },
    ]);
  });

  it('a CREATING binding (any case) is not ACTIVE and not retryable', () => {
    const [first] = diagnose({ connection: connection(), isPrivis: false, queue: 'q_new', address: '100.64.1.1:80' });
    expect(first).toMatchObject({ kind: 'binding-not-active', failed: false });
  });

  it('an unknown host name: add the host (no route can be suggested without its address)', () => {
    const f = diagnose({ connection: connection(), isPrivis: false, queue: 'q_ok', address: 'billing-db:5432' });
    expect(f).toEqual([{ kind: 'host-unknown', host: 'billing-db' }]);
  });

  it('a project not authorised is said, whatever else holds', () => {
    const f = diagnose({ connection: connection(), isPrivis: true, queue: 'q_ok', address: '100.64.1.1:80' });
    expect(f).toEqual([{ kind: 'not-authorised' }]);
  });

  it('everything visible is right: unexplained (security groups, the database’s port)', () => {
    expect(diagnose({ connection: connection(), isPrivis: false, queue: 'q_ok', address: '100.64.1.1:80' })).toEqual([{ kind: 'unexplained' }]);
  });

  it('routes not reported by the cloud still suggest a route for the address', () => {
    const f = diagnose({ connection: connection({ routes: undefined }), isPrivis: undefined, queue: 'q_ok', address: '10.9.8.7:22' });
    expect(f).toEqual([{ kind: 'no-route', ip: '10.9.8.7', cidr: '10.9.8.0/24' }]);
  });
});
