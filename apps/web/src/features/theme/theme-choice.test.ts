import { beforeEach, describe, expect, it, vi } from 'vitest';
import themeScript from '../../../public/theme.js?raw';
import { THEME_STORAGE_KEY, currentThemeChoice, setThemeChoice } from './theme-choice.ts';

/** A stand-in for the system's prefers-color-scheme query that a test can flip. */
function systemScheme(dark: boolean) {
  const listeners: Array<() => void> = [];
  const query = {
    matches: dark,
    addEventListener: (_type: string, fn: () => void) => listeners.push(fn),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    set(next: boolean) {
      query.matches = next;
      for (const fn of listeners) fn();
    },
  };
}

/** Runs public/theme.js as index.html does, before the app. */
function runThemeScript() {
  new Function(themeScript)();
}

const theme = () => document.documentElement.getAttribute('data-theme');

describe('colour theme (public/theme.js and the choice it reads)', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.removeAttribute('data-theme-choice');
  });

  it('follows the system setting when nothing is chosen, and its changes while the page is open', () => {
    const system = systemScheme(true);
    runThemeScript();
    expect(theme()).toBe('dark');
    expect(currentThemeChoice()).toBe('system');
    system.set(false);
    expect(theme()).toBe('light');
  });

  it('applies a remembered choice over the system setting, and keeps it when the system changes', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'light');
    const system = systemScheme(true);
    runThemeScript();
    expect(theme()).toBe('light');
    expect(currentThemeChoice()).toBe('light');
    system.set(false);
    system.set(true);
    expect(theme()).toBe('light');
  });

  it('ignores a stored value it does not know', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    systemScheme(false);
    runThemeScript();
    expect(theme()).toBe('light');
    expect(currentThemeChoice()).toBe('system');
  });

  it('applies and remembers a new choice at once; "system" forgets it', () => {
    systemScheme(false);
    runThemeScript();
    setThemeChoice('dark');
    expect(theme()).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    setThemeChoice('system');
    expect(theme()).toBe('light');
    expect(currentThemeChoice()).toBe('system');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('still applies a choice for this visit when storage refuses it', () => {
    systemScheme(false);
    runThemeScript();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    setThemeChoice('dark');
    expect(theme()).toBe('dark');
  });

  it('follows a choice made in another tab', () => {
    systemScheme(false);
    runThemeScript();
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    expect(theme()).toBe('dark');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: null }));
    expect(theme()).toBe('light');
  });
});
