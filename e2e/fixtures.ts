/**
 * Shared fixtures: every test records each request the page makes and fails if any leaves
 * the page's origin (Encore promises that the data never leaves the machine).
 */
import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const testdata = (...parts: string[]) => path.join(repoRoot, 'testdata', ...parts);

export const test = base.extend<{ offOrigin: string[] }>({
  offOrigin: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const off: string[] = [];
      page.context().on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) off.push(url);
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(off);
      expect(off, 'requests that left the page origin').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
