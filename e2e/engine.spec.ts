import { expect, test } from './fixtures';
import { readMetric, setNumber, trainAndWait } from './app';

async function loadSample(page: import('@playwright/test').Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read');
}

test('a reload mid-run resumes training from its last checkpoint, not from epoch 1', async ({ page }) => {
  await loadSample(page);
  await setNumber(page, 'Epochs', 400);
  await setNumber(page, 'Early-stopping patience', 0);
  await setNumber(page, 'Batch size', 8);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('train-status')).toContainText(/Epoch (4|5|6|7|8|9|\d\d)/, {
    timeout: 90_000,
  });
  await page.reload();
  await expect(page.getByTestId('resumed')).toBeVisible({ timeout: 30_000 });
  const text = (await page.getByTestId('resumed').textContent()) ?? '';
  const from = Number(/after epoch (\d+)/.exec(text)?.[1]);
  expect(from).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('train-status')).toContainText(
    new RegExp(`Epoch (${from + 1}|${from + 2}|${from + 3}) `),
    {
      timeout: 60_000,
    },
  );
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(page.getByTestId('train-outcome')).toContainText('cancelled', { timeout: 10_000 });
});

test('the same small model trains to agreeing metrics on wasm, webgl and webgpu', async ({ page }) => {
  test.setTimeout(400_000);
  await loadSample(page);
  await setNumber(page, 'Epochs', 3);
  await setNumber(page, 'Early-stopping patience', 0);
  await setNumber(page, 'Batch size', 128);
  // Dropout masks come from each backend's own random kernels; compare the deterministic part.
  await setNumber(page, 'Dropout', 0);
  const results: Record<string, number> = {};
  for (const backend of ['wasm', 'webgl', 'webgpu']) {
    await page.getByLabel('Backend').selectOption(backend);
    await trainAndWait(page, 300_000);
    await expect(page.getByTestId('backend')).toContainText(backend);
    results[backend] = (await readMetric(page, 'RMSE'))[0];
  }
  console.log('test RMSE by backend', results);
  expect(Math.abs(results.webgl! - results.wasm!) / results.wasm!).toBeLessThan(0.01);
  // WebGPU (SwiftShader here) accumulates its matMuls in another order: a little more drift over 3 epochs.
  expect(Math.abs(results.webgpu! - results.wasm!) / results.wasm!).toBeLessThan(0.025);
});

test('the model summary is shown before training, and follows the form', async ({ page }) => {
  await loadSample(page);
  await page.getByRole('button', { name: 'Show model summary' }).click();
  const table = page.getByRole('table', { name: 'Model summary' });
  await expect(table).toBeVisible();
  await expect(table).toContainText('Dense');
  const before = await page.getByTestId('model-summary').locator('summary').textContent();
  await page.getByLabel('Hidden layer sizes').fill('64, 32, 8');
  await page.getByRole('button', { name: 'Show model summary' }).click();
  await expect(page.getByTestId('model-summary').locator('summary')).not.toHaveText(before ?? '');
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText('[batch, 8]');
});

test('wide & deep learns an artist embedding in the app and reports honest test metrics', async ({
  page,
}) => {
  await loadSample(page);
  await page.getByLabel('Use artist as a feature').check();
  await expect(page.getByLabel('Encoding of artist')).toBeVisible();
  await page.getByLabel('Encoding of artist').selectOption('embedding');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('wide-deep');
  await setNumber(page, 'Epochs', 4);
  // The summary before training shows the embedding layer.
  await page.getByRole('button', { name: 'Show model summary' }).click();
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText('emb1');
  await trainAndWait(page);
  const [rmse] = await readMetric(page, 'RMSE');
  expect(Number.isFinite(rmse)).toBe(true);
  await expect(
    page.getByText('not computed for models that read audio matrices or learn embeddings'),
  ).toBeVisible();
});
