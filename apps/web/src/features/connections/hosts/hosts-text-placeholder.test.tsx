import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { renderApp, testQueryClient, testUser } from '../../../test/render-app.tsx';
import { fakeLayout, mockBff, queuesResponse } from '../editor-test-bff.ts';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => fakeLayout());

describe('hosts editor text box', () => {
  it("shows its example in the reader's language", async () => {
    await i18n.changeLanguage('zh-CN');
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    renderApp('/connections/new', testQueryClient({ user: testUser('operator') }));
    await screen.findByLabelText('sql_prod_yearly', {}, { timeout: 10_000 });
    await userEvent.click(screen.getByRole('radio', { name: /^文本/ }));
    const area = screen.getByLabelText<HTMLTextAreaElement>(/^主机文本/);
    expect(area.placeholder).toContain('10.0.0.11 db01 db01.internal');
    expect(area.placeholder).toContain('# 或 CSV 格式：name,ip');
    expect(area.placeholder).not.toContain('or CSV');
  });
});
