import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { targetsKeys } from '../../lib/targets.ts';
import { AuditFilters } from './audit-filters.tsx';

const noop = () => undefined;

describe('AuditFilters date inputs', () => {
  it('follow the language chosen in the console, not the browser locale', async () => {
    // The target filter lists the admin's targets: known already, so nothing is fetched.
    const client = new QueryClient();
    client.setQueryData(targetsKeys.all, []);
    render(
      <QueryClientProvider client={client}>
        <AuditFilters filters={{}} onChange={noop} onReset={noop} />
      </QueryClientProvider>,
    );
    expect(screen.getByLabelText('From (day)')).toHaveAttribute('lang', 'en');
    expect(screen.getByLabelText('To (day)')).toHaveAttribute('lang', 'en');
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByLabelText('开始日期')).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByLabelText('结束日期')).toHaveAttribute('lang', 'zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
