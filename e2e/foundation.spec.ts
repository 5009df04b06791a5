import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, test, testdata } from './fixtures';
import { loadCsv, readMetric, setNumber, trainAndWait } from './app';

const sample = testdata('data', 'tabular', 'top_hits_2000_2019.csv');

test.describe('from a CSV to an exported model', () => {
  test('load the sample, train, beat the baseline, export the zip, survive a reload', async ({ page }) => {
    await page.goto('/');
    await loadCsv(page, sample);
    await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read');
    await expect(page.getByLabel('Target column')).toHaveValue('popularity');
    await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('Britney Spears');
    // ids and free text are not features by default; numbers are.
    await expect(page.getByLabel('Use song as a feature')).not.toBeChecked();
    await expect(page.getByLabel('Use danceability as a feature')).toBeChecked();

    // Per-column preparation: the heavy-tailed duration is log-scaled, as its profile suggests.
    await expect(page.getByLabel('Scaling of duration_ms')).toHaveValue('log1p');
    await expect(page.getByLabel('Scaling of tempo')).toHaveValue('standard');
    // Outliers are kept unless the person clips them (at percentiles of the training rows).
    await expect(page.getByLabel('Outliers of loudness')).toHaveValue('none');
    await page.getByLabel('Outliers of loudness').selectOption('1-99');

    await setNumber(page, 'Epochs', 40);
    await trainAndWait(page);
    await expect(page.getByTestId('backend')).toContainText('wasm');
    const [modelR2, baseR2] = await readMetric(page, 'R²');
    expect(modelR2).toBeGreaterThan(baseR2);
    const [modelRmse, baseRmse] = await readMetric(page, 'RMSE');
    expect(modelRmse).toBeLessThan(baseRmse);
    await expect(page.getByRole('figure', { name: 'Predicted versus actual' })).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Loss per epoch' })).toBeVisible();

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download model (.zip)' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining(['model.json', 'weights.bin', 'preprocessing.json', 'metrics.json']),
    );
    const modelJson = JSON.parse(new TextDecoder().decode(zip['model.json']));
    expect(modelJson.modelTopology).toBeTruthy();
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    const prep = JSON.parse(new TextDecoder().decode(zip['preprocessing.json']));
    expect(prep.version).toBe(1);
    const duration = prep.features.find((f: { column: string }) => f.column === 'duration_ms');
    expect(duration.log1p).toBe(true);
    const loudness = prep.features.find((f: { column: string }) => f.column === 'loudness');
    expect(loudness.clip).toHaveLength(2);
    expect(loudness.clip[0]).toBeLessThan(loudness.clip[1]);
    expect(prep.features.find((f: { column: string }) => f.column === 'tempo').clip).toBeUndefined();

    await page.reload();
    await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read');
    await expect(page.getByRole('table', { name: 'Test metrics' })).toBeVisible();
    const [r2After] = await readMetric(page, 'R²');
    expect(r2After).toBeCloseTo(modelR2, 6);
  });

  test('cancel stops a long run within moments', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Try the sample' }).click();
    await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read');
    await setNumber(page, 'Epochs', 2000);
    await setNumber(page, 'Early-stopping patience', 0);
    await setNumber(page, 'Batch size', 4);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('train-status')).toContainText(/Epoch [2-9]/, { timeout: 60_000 });
    const status = await page.getByTestId('train-status').textContent();
    const epochAtCancel = Number(/Epoch (\d+)/.exec(status ?? '')?.[1]);
    await page.getByRole('button', { name: 'Cancel training' }).click();
    // Training stops within a batch: the run moves on to evaluating what it has (or is already done).
    await expect(
      page.getByTestId('train-outcome').or(page.getByText('Evaluating on the test set')),
    ).toBeVisible({ timeout: 5_000 });
    await expect(page.getByTestId('train-outcome')).toContainText('cancelled', { timeout: 60_000 });
    const epochs = Number(
      /after (\d+) epochs/.exec((await page.getByTestId('train-outcome').textContent()) ?? '')?.[1],
    );
    expect(epochs).toBeLessThanOrEqual(epochAtCancel);
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  });

  test('errors a person can cause are shown next to the control', async ({ page }) => {
    await page.goto('/');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await expect(page.getByTestId('error-file')).toContainText(/empty/i);
    // A table whose only columns are text: no numeric target to learn.
    const text = 'artist,song\nA,x\nB,y\nC,z\nD,w\nE,v\nF,u\nG,t\nH,s\nI,r\nJ,q\nK,p\n';
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'text.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await expect(page.getByTestId('data-summary')).toBeVisible();
    await expect(page.getByTestId('error-target')).toBeVisible();
    await page.getByLabel('Target column').selectOption('song');
    await page.getByLabel('Task').selectOption('regression');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('error-target').or(page.getByTestId('error-features'))).toBeVisible();
    await expect(page.getByRole('heading', { name: '1. Data' })).toBeVisible();
  });
});
