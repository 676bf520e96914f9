import { AuditQuery } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import { AUDIT_OPERATIONS, filtersFromForm, hasFilters, parseAuditSearch as parse, toAuditQuery } from './search.ts';

describe('audit search params (the URL)', () => {
  it('defaults to the first page of 50 with no filters', () => {
    expect(parse({})).toEqual({ page: 1, pageSize: 50 });
  });

  it('keeps valid filters, taking numbers the router parsed back as text', () => {
    expect(
      parse({ page: 3, pageSize: 100, user: 1234, operation: 'session.signIn', outcome: 'denied', from: '2025-03-01', to: '2025-03-31' }),
    ).toEqual({ page: 3, pageSize: 100, user: '1234', operation: 'session.signIn', outcome: 'denied', from: '2025-03-01', to: '2025-03-31' });
  });

  it('replaces each bad value with its default and keeps the good ones', () => {
    expect(parse({ page: 'x', pageSize: 7, user: '  ', outcome: 'maybe', from: '2025-02-30', to: 'yesterday', operation: 'dli.deleteEnhancedConnection' })).toEqual({
      page: 1,
      pageSize: 50,
      operation: 'dli.deleteEnhancedConnection',
    });
    expect(parse({ user: 'x'.repeat(65) }).user).toBeUndefined();
  });

  it('drops an end day before the start day', () => {
    expect(parse({ from: '2025-03-10', to: '2025-03-01' })).toEqual({ page: 1, pageSize: 50, from: '2025-03-10' });
  });
});

describe('toAuditQuery (the URL to the BFF query)', () => {
  it('turns the page into limit and offset and leaves out empty filters', () => {
    expect(toAuditQuery(parse({}))).toEqual({ limit: 50, offset: 0 });
    expect(toAuditQuery(parse({ page: 3, pageSize: 25 }))).toEqual({ limit: 25, offset: 50 });
  });

  it('spans whole local days and passes the BFF schema', () => {
    const q = toAuditQuery(parse({ user: 'ann', operation: 'session.signIn', outcome: 'failure', from: '2025-03-01', to: '2025-03-02' }));
    expect(q).toMatchObject({ user: 'ann', operation: 'session.signIn', outcome: 'failure', limit: 50, offset: 0 });
    expect(new Date(q.from!).getTime()).toBe(new Date(2025, 2, 1, 0, 0, 0, 0).getTime());
    expect(new Date(q.to!).getTime()).toBe(new Date(2025, 2, 2, 23, 59, 59, 999).getTime());
    // The same schema the BFF validates with accepts what the page sends.
    expect(AuditQuery.safeParse(q).success).toBe(true);
  });
});

describe('the target filter', () => {
  it('keeps a target id under its own name, never the console-wide `target`', () => {
    expect(parse({ targetId: 'prod-eu' })).toEqual({ page: 1, pageSize: 50, targetId: 'prod-eu' });
    expect(parse({ targetId: 'Prod EU' }).targetId).toBeUndefined();
    expect(parse({ target: 'prod-eu' }).targetId).toBeUndefined();
  });

  it('sends it as the BFF query\'s `target`', () => {
    const q = toAuditQuery(parse({ targetId: 'staging', user: 'ann' }));
    expect(q).toEqual({ user: 'ann', target: 'staging', limit: 50, offset: 0 });
    expect(AuditQuery.safeParse(q).success).toBe(true);
    expect(hasFilters(parse({ targetId: 'staging' }))).toBe(true);
  });

  it('comes from the form\'s target field', () => {
    const form = new FormData();
    form.set('targetId', 'staging');
    expect(filtersFromForm(form).targetId).toBe('staging');
  });
});

describe('the filter form to the URL', () => {
  it('reads blank fields as "any" and ignores an unknown outcome', () => {
    const form = new FormData();
    form.set('user', ' ann ');
    form.set('operation', '');
    form.set('outcome', 'bogus');
    form.set('from', '2025-03-01');
    form.set('to', '');
    const filters = filtersFromForm(form);
    expect(filters).toEqual({ user: 'ann', operation: undefined, outcome: undefined, from: '2025-03-01', to: undefined });
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(filtersFromForm(new FormData()))).toBe(false);
  });

  it('offers sign-in and sign-out before the catalogue operations', () => {
    expect(AUDIT_OPERATIONS.slice(0, 2)).toEqual(['session.signIn', 'session.signOut']);
    expect(AUDIT_OPERATIONS).toContain('dli.createEnhancedConnection');
    expect(AUDIT_OPERATIONS).toContain('dws.listClusters');
  });
});
