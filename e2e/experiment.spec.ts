import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { readMetric, setNumber, trainAndWait } from './app';

test('experiment.json replays a run: same controls, same seed, same test metrics after a reload', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('button', { name: /sample/i })
    .first()
    .click();
  await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read', { timeout: 60_000 });
  await setNumber(page, 'Epochs', 12);
  await setNumber(page, 'Training seed', 1234);
  await setNumber(page, 'Learning rate', 0.003);
  await trainAndWait(page);
  const before = {
    rmse: await readMetric(page, 'RMSE'),
    mae: await readMetric(page, 'MAE'),
    r2: await readMetric(page, 'R²'),
  };

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download experiment.json' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^experiment-.*\.json$/);
  const file = (await download.path())!;
  const experiment = JSON.parse(readFileSync(file, 'utf8'));
  expect(experiment.version).toBe(1);
  expect(experiment.train).toMatchObject({ seed: 1234, epochs: 12, learningRate: 0.003 });
  expect(experiment.data).toMatchObject({ name: 'top_hits_2000_2019.csv', rows: 2000 });
  // The split actually used is recorded beside the one asked for (the leakage guard may switch it).
  expect(experiment.ran.splitUsed.method).toMatch(/random|grouped/);

  await page.reload();
  await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read');
  // Move the controls away from the file's values: opening it must set them back.
  await setNumber(page, 'Training seed', 7);
  await setNumber(page, 'Epochs', 3);
  await page.getByLabel('Open experiment.json (replays it)').setInputFiles(file);
  await expect(page.getByTestId('opened-experiment')).toContainText('Replaying');
  await expect(page.getByLabel('Training seed', { exact: true })).toHaveValue('1234');
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('12');
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs.locator('tbody tr')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByTestId('train-outcome')).toBeVisible();
  // The run that was made used the file's training seed.
  await expect(runs.locator('tbody tr').first()).toContainText('seed 1234');
  expect(await readMetric(page, 'RMSE')).toEqual(before.rmse);
  expect(await readMetric(page, 'MAE')).toEqual(before.mae);
  expect(await readMetric(page, 'R²')).toEqual(before.r2);
});

test('a broken experiment.json is refused with the field it gets wrong', async ({ page }, info) => {
  await page.goto('/');
  await page
    .getByRole('button', { name: /sample/i })
    .first()
    .click();
  await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read', { timeout: 60_000 });
  const bad = info.outputPath('bad-experiment.json');
  writeFileSync(bad, JSON.stringify({ version: 1, modelId: 'mlp' }));
  await page.getByLabel('Open experiment.json (replays it)').setInputFiles(bad);
  await expect(page.getByText('bad-experiment.json: data is missing.')).toBeVisible();
  const newer = info.outputPath('newer.json');
  writeFileSync(newer, JSON.stringify({ version: 9 }));
  await page.getByLabel('Open experiment.json (replays it)').setInputFiles(newer);
  await expect(page.getByText(/version 9, newer than this Encore reads/)).toBeVisible();
});
