#!/usr/bin/env node
// Regenerate docs/screenshot.png: the built app after training on the built-in sample.
// Usage: npx vite build && node scripts/screenshot.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const port = 4175;
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { stdio: 'ignore' },
);
try {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const context = await chromium.launchPersistentContext(
    mkdtempSync(path.join(os.tmpdir(), 'encore-shot-')),
    {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1500 },
    },
  );
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await page.getByTestId('data-summary').waitFor({ timeout: 60_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('table', { name: 'Test metrics' }).waitFor({ timeout: 300_000 });
  // Put the Train panel at the top: the loss curve, then the Test metrics and plots below it.
  await page.getByRole('heading', { name: '4. Train' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshot.png' });
  await context.close();
  console.log('wrote docs/screenshot.png');
} finally {
  server.kill();
}
