import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import themeScript from '../../../public/theme.js?raw';
import { i18n } from '../../lib/i18n.ts';
import { mockFetch, viewPageResponse } from '../../test/fetch-mock.ts';
import { renderApp } from '../../test/render-app.tsx';
import { ThemeSwitcher } from './theme-switcher.tsx';

const theme = () => document.documentElement.getAttribute('data-theme');

describe('ThemeSwitcher', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.removeAttribute('data-theme-choice');
    // The system is dark; index.html's script has run.
    vi.stubGlobal('matchMedia', () => ({ matches: true, addEventListener: () => undefined }));
    new Function(themeScript)();
  });

  it('offers System, Light and Dark, shows the choice in force and switches the page at once', async () => {
    render(<ThemeSwitcher />);
    const select = screen.getByRole('combobox', { name: 'Colour theme' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'System theme',
      'Light theme',
      'Dark theme',
    ]);
    expect(select).toHaveValue('system');
    expect(theme()).toBe('dark');
    await userEvent.selectOptions(select, 'Light theme');
    expect(theme()).toBe('light');
    expect(select).toHaveValue('light');
    expect(window.localStorage.getItem('dsc.theme')).toBe('light');
  });

  it('opens on a remembered choice', () => {
    window.localStorage.setItem('dsc.theme', 'light');
    new Function(themeScript)();
    render(<ThemeSwitcher />);
    expect(screen.getByRole('combobox', { name: 'Colour theme' })).toHaveValue('light');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<ThemeSwitcher />);
    const select = screen.getByRole('combobox', { name: '配色主题' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '跟随系统',
      '浅色主题',
      '深色主题',
    ]);
  });

  it('sits in the header beside the language switch', async () => {
    mockFetch(() => viewPageResponse());
    renderApp('/connections');
    const banner = await screen.findByRole('banner', {}, { timeout: 10_000 });
    expect(await within(banner).findByRole('combobox', { name: 'Colour theme' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(banner).getByRole('combobox', { name: 'Language' })).toBeInTheDocument();
  });
});
