import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { i18n } from '../lib/i18n.ts';

// Tests that run in the node environment (the build check) have no DOM to prepare.
const hasDom = typeof window !== 'undefined';

// jsdom has no layout: the router's scroll restoration would log "not implemented" on every navigation.
if (hasDom) window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

beforeEach(async () => {
  if (hasDom) window.localStorage.clear();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
