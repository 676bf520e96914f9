import { describe, expect, it } from 'vitest';
import { buildResources, detectLanguage, languageOfFile, loadResources } from './i18n-resources.ts';

describe('buildResources', () => {
  it('names shell namespaces from the file and feature namespaces from the folder', () => {
    const r = buildResources({
      '../i18n/common.en.json': { a: 'A' },
      '../i18n/common.zh-CN.json': { a: '甲' },
      '../features/mrs/i18n/en.json': { title: 'MRS' },
      '../features/mrs/i18n/zh-CN.json': { title: 'MRS 数据连接' },
    });
    expect(r).toEqual({
      en: { common: { a: 'A' }, mrs: { title: 'MRS' } },
      'zh-CN': { common: { a: '甲' }, mrs: { title: 'MRS 数据连接' } },
    });
  });

  it('merges part files into their feature namespace', () => {
    const r = buildResources({
      '../features/connections/i18n/en.json': { list: { title: 'L' } },
      '../features/connections/i18n/editor.en.json': { editor: { title: 'E' } },
    });
    expect(r.en?.connections).toEqual({ list: { title: 'L' }, editor: { title: 'E' } });
  });

  it('rejects unknown languages, unreadable names and keys defined twice', () => {
    expect(() => buildResources({ '../features/x/i18n/fr.json': {} })).toThrow(
      /unsupported language/,
    );
    expect(() => buildResources({ '../i18n/common.json': {} })).toThrow(/cannot tell/);
    expect(() =>
      buildResources({ '../i18n/mrs.en.json': { a: 1 }, '../features/mrs/i18n/en.json': { a: 2 } }),
    ).toThrow(/defined twice/);
  });
});

describe('loadResources', () => {
  it("imports only the asked language's files and builds its namespaces", async () => {
    const imported: string[] = [];
    const file = (name: string, content: object) => async () => {
      imported.push(name);
      return content;
    };
    const files = {
      '../i18n/common.en.json': file('common.en', { a: 'A' }),
      '../i18n/common.zh-CN.json': file('common.zh-CN', { a: '甲' }),
      '../features/mrs/i18n/zh-CN.json': file('mrs.zh-CN', { title: 'MRS 数据连接' }),
      '../features/mrs/i18n/editor.zh-CN.json': file('mrs.editor.zh-CN', { editor: { x: '乙' } }),
    };
    await expect(loadResources(files, 'zh-CN')).resolves.toEqual({
      common: { a: '甲' },
      mrs: { title: 'MRS 数据连接', editor: { x: '乙' } },
    });
    expect(imported.sort()).toEqual(['common.zh-CN', 'mrs.editor.zh-CN', 'mrs.zh-CN']);
  });

  it('tells the language of a file by the naming rules', () => {
    expect(languageOfFile('../i18n/forms.zh-CN.json')).toBe('zh-CN');
    expect(languageOfFile('../features/connections/i18n/editor.en.json')).toBe('en');
    expect(languageOfFile('../features/connections/i18n/en.json')).toBe('en');
    expect(languageOfFile('../i18n/common.json')).toBeUndefined();
  });
});

describe('detectLanguage', () => {
  it('prefers the stored choice', () => {
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('falls back to the first browser language it supports, any Chinese variant meaning zh-CN', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage('klingon', ['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage(undefined, ['de', 'zh'])).toBe('zh-CN');
    expect(detectLanguage(null, ['de'])).toBe('en');
  });
});

function leafKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translation files', () => {
  const resources = buildResources({
    ...import.meta.glob('../i18n/*.json', { eager: true, import: 'default' }),
    ...import.meta.glob('../features/*/i18n/*.json', { eager: true, import: 'default' }),
  });

  it('give every namespace in both languages with the same keys', () => {
    const en = resources.en ?? {};
    const zh = resources['zh-CN'] ?? {};
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const ns of Object.keys(en)) {
      expect(leafKeys(zh[ns]).sort(), `namespace ${ns}`).toEqual(leafKeys(en[ns]).sort());
    }
  });

  it('leave no value empty', () => {
    for (const [lng, namespaces] of Object.entries(resources)) {
      for (const [ns, tree] of Object.entries(namespaces)) {
        const empty = leafKeys(tree).filter((k) => {
          const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree);
          return typeof v !== 'string' || v.trim() === '';
        });
        expect(empty, `${lng}/${ns}`).toEqual([]);
      }
    }
  });
});
