import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.ts';
import { ConnectionAuthorizationBody, ConnectionTestBody, CreateRouteBody } from './dli-doctor.ts';
import { cidrContains, networkOf, parseAddress, parseCidr } from './network.ts';
import { connectivityOf, privilegeProjectId } from './values.ts';

const messageOf = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('network helpers', () => {
  it('parses CIDRs and refuses bad ones with the reason', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ network: 10 * 2 ** 24, prefix: 16 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ network: 0, prefix: 0 });
    expect(parseCidr('10.0.0.1/16')).toEqual({ error: 'host-bits' });
    expect(parseCidr('10.0.0.0/33')).toEqual({ error: 'prefix' });
    expect(parseCidr('10.0.0.0')).toEqual({ error: 'format' });
    expect(parseCidr('300.0.0.0/8')).toEqual({ error: 'format' });
  });
  it('tells whether a network holds an address, at both edges', () => {
    expect(cidrContains('172.16.5.0/24', '172.16.5.0')).toBe(true);
    expect(cidrContains('172.16.5.0/24', '172.16.5.255')).toBe(true);
    expect(cidrContains('172.16.5.0/24', '172.16.6.0')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '255.255.255.255')).toBe(true);
    expect(cidrContains('10.0.0.0/8', 'db.internal')).toBe(false);
  });
  it('names the /24 (or another prefix) around an address', () => {
    expect(networkOf('172.16.5.10')).toBe('172.16.5.0/24');
    expect(networkOf('172.16.5.10', 16)).toBe('172.16.0.0/16');
    expect(networkOf('nope')).toBeUndefined();
  });
  it('reads host:port addresses', () => {
    expect(parseAddress('10.1.2.3:5432')).toEqual({ ok: true, host: '10.1.2.3', port: 5432, isIp: true });
    expect(parseAddress('db-01.internal:3306')).toEqual({ ok: true, host: 'db-01.internal', port: 3306, isIp: false });
    expect(parseAddress('db-01')).toEqual({ ok: true, host: 'db-01', port: undefined, isIp: false });
    expect(parseAddress('db:0')).toEqual({ ok: false, reason: 'port' });
    expect(parseAddress('db:65536')).toEqual({ ok: false, reason: 'port' });
    expect(parseAddress('10.1.2.300:80')).toEqual({ ok: false, reason: 'host' });
    expect(parseAddress('-db:80')).toEqual({ ok: false, reason: 'host' });
  });
});

describe('doctor schemas', () => {
  it('a route needs a name of at most 64 characters and a network CIDR', () => {
    expect(CreateRouteBody.safeParse({ name: 'to_db', cidr: '172.16.5.0/24' }).success).toBe(true);
    expect(messageOf(CreateRouteBody.safeParse({ name: 'x'.repeat(65), cidr: '10.0.0.0/8' }))).toEqual(['name: must be at most 64 characters']);
    expect(messageOf(CreateRouteBody.safeParse({ name: 'r', cidr: '10.0.0.1/8' }))?.[0]).toMatch(/^cidr: must be a network address/);
    expect(CreateRouteBody.safeParse({ name: 'r', cidr: '10.0.0.0/8', extra: 1 }).success).toBe(false);
  });
  it('a connectivity test address rejects a port out of range, naming address', () => {
    expect(ConnectionTestBody.safeParse({ address: 'db.internal:5432' }).success).toBe(true);
    expect(messageOf(ConnectionTestBody.safeParse({ address: 'db.internal:70000' }))).toEqual([
      'address: must end with a port between 1 and 65535',
    ]);
  });
  it('an authorisation names one connection object and a 32-hex project', () => {
    const ok = {
      projectId: '0123456789abcdef0123456789abcdef',
      action: 'grant',
      privileges: [{ object: 'edsconnections.503fc86a-5e60-4349-92c2-7e399404fa8a', privileges: ['BIND_QUEUE'] }],
    };
    expect(ConnectionAuthorizationBody.safeParse(ok).success).toBe(true);
    expect(messageOf(ConnectionAuthorizationBody.safeParse({ ...ok, projectId: 'ABC' }))?.[0]).toMatch(/^projectId: must be a project id/);
    expect(ConnectionAuthorizationBody.safeParse({ ...ok, privileges: [{ object: 'queues.q1', privileges: ['BIND_QUEUE'] }] }).success).toBe(false);
    expect(ConnectionAuthorizationBody.safeParse({ ...ok, action: 'update' }).success).toBe(false);
  });
  it('the task id is read as a string whether the answer carries an integer or a string', () => {
    const r = catalogue['dli.startConnectionTest'].response;
    expect(r.parse({ is_success: true, message: '', task_id: 9 }).task_id).toBe('9');
    expect(r.parse({ is_success: true, message: '', task_id: '9' }).task_id).toBe('9');
    expect(r.safeParse({ is_success: true, message: '' }).success).toBe(false);
  });
  it('connectivity settles only on REACHABLE or UNREACHABLE', () => {
    expect(connectivityOf('REACHABLE')).toBe('REACHABLE');
    expect(connectivityOf('unreachable')).toBe('UNREACHABLE');
    expect(connectivityOf('CHECKING')).toBe('CHECKING');
    expect(connectivityOf(undefined)).toBe('CHECKING');
  });
  it('reads the authorised project under either documented name', () => {
    expect(privilegeProjectId({ applicant_project_id: 'a' })).toBe('a');
    expect(privilegeProjectId({ project_id: 'b' })).toBe('b');
  });
});
