import { SESSION_OPERATIONS, isMutating, operationIds, operations } from '@dsc/api-types/meta';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './operation-names/en.json';
import zh from './operation-names/zh-CN.json';
import { i18n } from '../../lib/i18n.ts';
import { operationName } from './operation-name.ts';

const nameIn = (lang: typeof en, id: string): unknown =>
  id.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], lang);

describe('operation names', () => {
  const writes = operationIds.filter((id) => isMutating(operations[id].method));

  it.each(['en', 'zh-CN'] as const)('every catalogue write operation has a name in %s', (lang) => {
    const names = lang === 'en' ? en : zh;
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.filter((id) => typeof nameIn(names, id) !== 'string' || !(nameIn(names, id) as string).trim())).toEqual([]);
  });

  it('so does every read, sign-in and sign-out (the operation filter offers them all)', () => {
    for (const names of [en, zh]) {
      const missing = [...operationIds, ...SESSION_OPERATIONS].filter((id) => typeof nameIn(names, id) !== 'string');
      expect(missing).toEqual([]);
    }
  });

  it("registers the names with the console's i18next when the audit screen loads", () => {
    expect(i18n.getFixedT('zh-CN', 'audit')('operations.mrs.createDataConnector')).toBe('创建 MRS 数据连接');
    expect(i18n.getFixedT('en', 'audit')('operations.session.signIn')).toBe('Sign in');
  });

  it('reads the name in the UI language and shows an unnamed operation as its id', async () => {
    const own = i18next.createInstance();
    await own.init({ showSupportNotice: false, lng: 'zh-CN', resources: { 'zh-CN': { audit: { operations: zh } }, en: { audit: { operations: en } } }, ns: ['audit'] });
    const t = own.getFixedT('zh-CN', 'audit');
    expect(operationName(t, 'dli.createEnhancedConnection')).toBe('创建增强型跨源连接');
    expect(operationName(own.getFixedT('en', 'audit'), 'dli.createEnhancedConnection')).toBe('Create enhanced connection');
    expect(operationName(t, 'POST /api/dli/enhanced-connections')).toBe('POST /api/dli/enhanced-connections');
    expect(operationName(t, 'dli.somethingNew')).toBe('dli.somethingNew');
  });
});
