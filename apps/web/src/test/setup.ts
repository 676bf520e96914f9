import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { options } from 'preact';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { i18n, loadLanguage } from '../lib/i18n.ts';
import { LANGUAGES } from '../lib/i18n-resources.ts';

// Tests that run in the node environment (the build check) have no DOM to prepare.
const hasDom = typeof window !== 'undefined';

// jsdom has no layout: the router's scroll restoration would log "not implemented" on every navigation.
if (hasDom) window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

// Preact runs effects after the next frame, with a 35 ms timer as fallback that calls
// cancelAnimationFrame. A timer still pending when the file ends fires after jsdom is torn down,
// where that global is gone, and Vitest reports an uncaught ReferenceError (seen on Node 24). The
// same schedule, tolerant of a missing global:
options.requestAnimationFrame = (callback) => {
  const done = () => {
    clearTimeout(fallback);
    if (frame !== undefined) globalThis.cancelAnimationFrame?.(frame);
    setTimeout(callback);
  };
  const fallback = setTimeout(done, 35);
  const frame: number | undefined = globalThis.requestAnimationFrame?.(done);
};

// A test's first page compiles on first import, and the first answer waits for the catalogue's
// schemas (imported on first use, lib/api-schemas.ts): on a busy machine that can take more than
// the default second. Waiting longer only slows a failing test down.
configure({ asyncUtilTimeout: 5_000 });

// The app loads a language's strings when it is chosen; tests switch language at will.
beforeAll(async () => {
  await Promise.all(LANGUAGES.map(loadLanguage));
});

beforeEach(async () => {
  if (hasDom) window.localStorage.clear();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
