import { readFileSync } from 'node:fs';
import { expect, test, testdata } from './fixtures';
import { loadCsv, setNumber, trainAndWait } from './app';

test('grouped-by-artist split, a bias table for genre with sizes and intervals, and a model card', async ({
  page,
}) => {
  await page.goto('/');
  await loadCsv(page, testdata('data', 'tabular', 'top_hits_2000_2019.csv'));
  await page.getByLabel('Method').selectOption('grouped');
  await page.getByLabel('Group column').selectOption('artist');
  await setNumber(page, 'Epochs', 10);
  await trainAndWait(page);
  await expect(page.getByTestId('results-split')).toContainText('grouped split by artist');
  // No artist straddles train and test under the grouped split.
  await expect(page.getByTestId('leakage-warning').filter({ hasText: 'share “artist”' })).toHaveCount(0);

  await page.getByLabel('Bias column').selectOption('genre');
  const bias = page.getByRole('table', { name: 'Bias by genre' });
  await expect(bias).toBeVisible();
  const pop = bias
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'pop', exact: true }) });
  const cells = await pop.getByRole('cell').allTextContents();
  expect(Number(cells[0])).toBeGreaterThan(10); // group size
  expect(cells[1]).toMatch(/^[\d.]+ \([\d.]+ – [\d.]+\)$/); // MAE with its interval
  await expect(page.getByRole('table', { name: 'Known versus unseen artists' })).toContainText(
    'unseen artist',
  );
  await expect(page.getByRole('table', { name: 'Feature importance' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download model card (HTML)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/model-card.*\.html$/);
  const html = readFileSync((await file.path())!, 'utf8');
  expect(html).toContain('<svg');
  expect(html).toMatch(/genre/);
  expect(html).toMatch(/RMSE/);
});

test('duplicate tracks: a random split warns, and the grouped metrics are the ones reported', async ({
  page,
}) => {
  // Every track of the sample listed twice, as when a table has one row per playlist.
  const csv = readFileSync(testdata('data', 'tabular', 'top_hits_2000_2019.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  const doubled = [csv[0], ...csv.slice(1), ...csv.slice(1)].join('\n') + '\n';
  await page.goto('/');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'playlists.csv', mimeType: 'text/csv', buffer: Buffer.from(doubled) });
  await expect(page.getByTestId('data-summary')).toContainText('4,000 rows read');
  await expect(page.getByLabel('Method')).toHaveValue('random');
  await setNumber(page, 'Epochs', 5);
  await trainAndWait(page);
  await expect(page.getByTestId('leakage-guard')).toContainText('grouped by track');
  await expect(page.getByTestId('results-split')).toContainText('grouped split');
  await expect(page.getByTestId('leakage-warning').filter({ hasText: 'artist+song' })).toHaveCount(0);

  await page.getByLabel('Keep copies of a track on one side').uncheck();
  await trainAndWait(page);
  await expect(page.getByTestId('leakage-warning')).toContainText('artist+song');
  await expect(page.getByTestId('results-split')).toContainText('random split');
});
