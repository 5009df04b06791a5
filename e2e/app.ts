/** Page helpers for the studio's panels, located by role and accessible name as a person would. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function loadCsv(page: Page, file: string | string[]): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(page.getByTestId('data-summary')).toBeVisible({ timeout: 60_000 });
}

export async function setNumber(page: Page, label: string, value: number): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(value));
}

/** Click Train and wait for the Test metrics table of a finished run. */
export async function trainAndWait(page: Page, timeout = 120_000): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('train-outcome')).toBeVisible({ timeout });
  await expect(page.getByRole('table', { name: 'Test metrics' })).toBeVisible();
}

const METRIC_KEYS: Record<string, string> = {
  RMSE: 'rmse',
  MAE: 'mae',
  'R²': 'r2',
  Accuracy: 'accuracy',
  F1: 'f1',
  'ROC AUC': 'rocAuc',
};

/** Read one metric of the Test metrics table: [model, mean/majority baseline]. */
export async function readMetric(page: Page, name: string): Promise<[number, number]> {
  const key = METRIC_KEYS[name] ?? name;
  const table = page.getByRole('table', { name: 'Test metrics' });
  const num = async (id: string) =>
    Number(((await table.getByTestId(id).textContent()) ?? '').replace(/,/g, '').replace('−', '-'));
  return [await num(`metric-${key}-model`), await num(`metric-${key}-baseline`)];
}
