import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { i18n } from '../lib/i18n.ts';

// jsdom has no layout: the router's scroll restoration would log "not implemented" on every navigation.
window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
