import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { ApiError } from '../../lib/api-error.ts';
import { fieldMessage } from './field-message.ts';
import { privisState } from './privis.ts';
import { queueChoices } from './queues-query.ts';
import { serverFieldErrors } from './server-field-errors.ts';
import { duplicateTagKeys } from './tags-editor.tsx';
import { hasTransitionalBinding } from './transitional.ts';
import { QUEUES } from './editor-test-bff.ts';

const t = i18n.getFixedT('en', 'connections');

describe('privisState (isPrivis is inverted upstream)', () => {
  it('reads false as granted, true as not granted, missing as unknown', () => {
    expect(privisState(false)).toBe('granted');
    expect(privisState(true)).toBe('not-granted');
    expect(privisState(undefined)).toBe('unknown');
  });
});

describe('serverFieldErrors', () => {
  it('places body paths on form fields and keeps the rest for the summary', () => {
    const e = new ApiError({
      status: 400,
      code: 'VALIDATION',
      message: 'Invalid request',
      fields: {
        name: 'is required',
        'hosts.3.ip': 'must be an IPv4 address',
        'queues.1': 'must be at most 128 characters',
        'tags.0.value': 'is required',
        'tags.2': 'Unrecognized key: "colour"',
        elastic_resource_pools: 'x',
        '(root)': 'must be empty',
      },
    });
    const r = serverFieldErrors(e);
    expect(r.onFields).toEqual([
      ['name', 'is required'],
      ['hosts.3.ip', 'must be an IPv4 address'],
      ['queues', 'must be at most 128 characters'],
      ['tags.0.value', 'is required'],
      ['tags', 'Unrecognized key: "colour"'],
    ]);
    expect(r.other).toEqual([
      ['elastic_resource_pools', 'x'],
      ['(root)', 'must be empty'],
    ]);
  });

  it('maps upstream codes that concern one field, and honours what the form accepts', () => {
    const taken = new ApiError({
      status: 409,
      code: 'UPSTREAM_ERROR',
      message: 'exists',
      upstream: { status: 409, code: 'DLI.0006', message: 'The connection name a already exists.' },
    });
    expect(serverFieldErrors(taken).onFields).toEqual([['name', 'The connection name a already exists.']]);
    expect(serverFieldErrors(taken, (p) => p.startsWith('hosts')).onFields).toEqual([]);
    const shared = new ApiError({
      status: 400,
      code: 'UPSTREAM_ERROR',
      message: 'unsupported',
      upstream: { status: 400, code: 'DLI.0007', message: 'Only yearly/monthly queues…' },
    });
    expect(serverFieldErrors(shared).onFields).toEqual([['queues', 'Only yearly/monthly queues…']]);
  });
});

describe('fieldMessage', () => {
  it('translates the schema fragments and passes unknown messages through', async () => {
    expect(fieldMessage(t, 'must be at most 64 characters')).toBe('At most 64 characters.');
    expect(fieldMessage(t, 'must not start with _sys_')).toBe('Keys must not start with _sys_.');
    expect(fieldMessage(t, 'weird server text')).toBe('Weird server text');
    expect(fieldMessage(t, undefined)).toBeUndefined();
    const zh = i18n.getFixedT('zh-CN', 'connections');
    expect(fieldMessage(zh, 'is required')).toBe('必填。');
  });
});

describe('queueChoices', () => {
  it('puts usable queues first and explains each unusable one', () => {
    const choices = queueChoices(QUEUES, ['spark_etl_prod']);
    expect(choices.map((c) => [c.queue.queue_name, c.usable ? 'ok' : c.reason])).toEqual([
      ['sql_finance_monthly', 'ok'],
      ['sql_prod_yearly', 'ok'],
      ['default', 'default'],
      ['sql_shared_adhoc', 'shared-pay-per-use'],
    ]);
  });
});

describe('duplicateTagKeys', () => {
  it('maps each repeated key to the row that used it first', () => {
    expect([...duplicateTagKeys([{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: '' }, { key: '' }, { key: 'b' }])]).toEqual([
      [2, 0],
      [5, 1],
    ]);
  });
});

describe('hasTransitionalBinding', () => {
  const base = { available_queue_info: [], elastic_resource_pools: [] };
  it('is true while a queue or a pool is CREATING', () => {
    expect(hasTransitionalBinding(base)).toBe(false);
    expect(hasTransitionalBinding({ ...base, available_queue_info: [{ name: 'q', status: 'creating' }] })).toBe(true);
    expect(hasTransitionalBinding({ ...base, available_queue_info: [{ name: 'q', status: 'FAILED' }] })).toBe(false);
    expect(hasTransitionalBinding({ ...base, elastic_resource_pools: [{ name: 'p', status: 'CREATING' }] })).toBe(true);
    expect(hasTransitionalBinding({ ...base, elastic_resource_pools: ['p'] })).toBe(false);
  });
});
