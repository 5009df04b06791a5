import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, testdata } from './fixtures';
import { setNumber, trainAndWait } from './app';

const sample = testdata('data', 'tabular', 'top_hits_2000_2019.csv');

/** Rows of a simple CSV of numbers and quoted text: enough for the files this test writes. */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '')));
}

test('a bundle exported, then imported after a reload, predicts every test row as before', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('data-summary')).toContainText('2,000 rows read', { timeout: 60_000 });
  await setNumber(page, 'Epochs', 8);
  await trainAndWait(page);

  const down = async (name: string) => {
    const d = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    return (await (await d).path())!;
  };
  const testCsv = readFileSync(await down('Download test predictions (CSV)'), 'utf8');
  const before = csvRows(testCsv).slice(1).map(([row, , predicted]) => [Number(row), Number(predicted)] as const);
  expect(before.length).toBeGreaterThan(200);
  const zip = await down('Download model (.zip)');

  // A fresh page: the deployed-model store is cleared, then the bundle is imported.
  await page.evaluate(() => indexedDB.deleteDatabase('encore-deployed'));
  await page.reload();
  await expect(page.getByText('Import model (.zip)')).toBeVisible();
  await page.getByLabel('Import model (.zip)').setInputFiles(zip);
  await expect(page.getByTestId('deployed-model')).toContainText('predicting popularity', { timeout: 60_000 });
  await expect(page.getByTestId('deployed-model')).toContainText('5 golden rows reproduced');

  await page.getByLabel('Predict a CSV').setInputFiles(sample);
  await expect(page.getByTestId('prediction-result')).toContainText('2000 of 2000 rows predicted', { timeout: 60_000 });
  const out = csvRows(readFileSync(await down('Download predictions (CSV)'), 'utf8'));
  const header = out[0]!;
  const col = header.indexOf('prediction_popularity');
  expect(col).toBe(header.length - 1);
  expect(out).toHaveLength(2001);
  for (const [row, predicted] of before) {
    const got = Number(out[row]![col]);
    expect(Math.abs(got - predicted)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(predicted)));
  }

  // The deployed model survives a reload.
  await page.reload();
  await expect(page.getByTestId('deployed-model')).toContainText('predicting popularity', { timeout: 60_000 });
});

test('a file that is not a bundle is refused with a message, and nothing is deployed', async ({ page }, info) => {
  await page.goto('/');
  const bad = info.outputPath('not-a-model.zip');
  writeFileSync(bad, 'hello');
  await page.getByLabel('Import model (.zip)').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('not-a-model.zip was not loaded');
  await expect(page.getByTestId('deployed-model')).toHaveCount(0);
});
