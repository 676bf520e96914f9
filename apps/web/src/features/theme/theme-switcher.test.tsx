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

  it('offers System, Light and Dark, names the choice in force and switches the page at once', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitcher />);
    const toggle = screen.getByText('Colour theme: System (follow the device)').closest('summary')!;
    const group = screen.getByRole('group', { name: 'Colour theme', hidden: true });
    expect(within(group).getAllByRole('radio', { hidden: true }).map((r) => r.closest('label')?.textContent)).toEqual([
      'System (follow the device)',
      'Light',
      'Dark',
    ]);
    expect(theme()).toBe('dark');
    await user.click(toggle);
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(theme()).toBe('light');
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(toggle).toHaveTextContent('Colour theme: Light');
    expect(window.localStorage.getItem('dsc.theme')).toBe('light');
  });

  it('closes on Escape, giving focus back to its button', async () => {
    const user = userEvent.setup();
    const { container } = render(<ThemeSwitcher />);
    const details = container.querySelector('details')!;
    await user.click(details.querySelector('summary')!);
    expect(details.open).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.keyboard('{Escape}');
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')).toHaveFocus();
    expect(theme()).toBe('dark');
  });

  it('opens on a remembered choice', () => {
    window.localStorage.setItem('dsc.theme', 'light');
    new Function(themeScript)();
    render(<ThemeSwitcher />);
    expect(screen.getByRole('radio', { name: 'Light', hidden: true })).toBeChecked();
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<ThemeSwitcher />);
    expect(screen.getByText('配色主题：跟随系统')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: '配色主题', hidden: true });
    expect(within(group).getAllByRole('radio', { hidden: true }).map((r) => r.closest('label')?.textContent)).toEqual([
      '跟随系统',
      '浅色',
      '深色',
    ]);
  });

  it('sits in the header beside the language switch', async () => {
    mockFetch(() => viewPageResponse());
    renderApp('/connections');
    const banner = await screen.findByRole('banner', {}, { timeout: 10_000 });
    expect(await within(banner).findByText('Colour theme: System (follow the device)', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(banner).getByRole('combobox', { name: 'Language' })).toBeInTheDocument();
  });
});
