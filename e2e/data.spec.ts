/**
 * Issue 3 through the UI: several files as one dataset, encodings, accounting, duplicates.
 */
import { unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, testdata } from './fixtures';
import { loadCsv, setNumber, trainAndWait } from './app';

const tabular = (...p: string[]) => testdata('data', 'tabular', ...p);
const decades = ['00s', '10s', '60s', '70s', '80s', '90s'].map((d) =>
  tabular('hit_predictor', `dataset-of-${d}.csv`),
);

test('the six hit_predictor files load at once as one dataset and train as classification', async ({
  page,
}) => {
  await page.goto('/');
  await loadCsv(page, decades);
  const summary = page.getByTestId('data-summary');
  await expect(summary).toContainText('41,106 rows read = 41,106 kept + 0 skipped');
  const files = page.getByRole('list', { name: 'Loaded files' });
  for (const d of ['00s', '10s', '60s', '70s', '80s', '90s'])
    await expect(files).toContainText(`dataset-of-${d}.csv`);
  await expect(page.getByLabel('Target column')).toHaveValue('target');
  await expect(page.getByLabel('Task')).toHaveValue('classification');
  // The profile: a histogram for numbers, top values for text.
  await expect(page.getByRole('img', { name: /^Histogram of danceability/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Top values of source_file' })).toBeVisible();
  await expect(page.getByTestId('duplicates-summary')).toContainText(
    /duplicate rows in \d+ groups|No duplicate/,
  );

  await setNumber(page, 'Epochs', 2);
  await trainAndWait(page, 150_000);
  const metrics = page.getByRole('table', { name: 'Test metrics' });
  await expect(metrics.getByRole('rowheader', { name: 'Accuracy', exact: true })).toBeVisible();
  await expect(metrics.getByRole('rowheader', { name: 'ROC AUC', exact: true })).toBeVisible();
});

test('the windows-1252 file keeps its accents and says which encoding it used', async ({ page }) => {
  await page.goto('/');
  await loadCsv(page, tabular('top10s_2010_2019_latin1.csv'));
  await expect(page.getByTestId('data-summary')).toContainText('603 rows read');
  await expect(page.getByTestId('data-summary')).toContainText('windows-1252');
  await expect(page.locator('p.notice').first()).toContainText(/windows-1252/i);
  await page.getByLabel('Preview rows').selectOption('100');
  const preview = page.getByRole('table', { name: 'Data preview' });
  // Row 57 is Beyoncé (0xE9); row 71 has a typographic apostrophe (0x92 in windows-1252, not Latin-1).
  await expect(preview).toContainText('Beyoncé');
  await expect(preview).toContainText('Just Can’t Get Enough');
  await expect(preview).not.toContainText('\uFFFD');
});

test('most_streamed_2023: streams is a number and its one bad value is reported at line 576', async ({
  page,
}) => {
  await page.goto('/');
  await loadCsv(page, tabular('most_streamed_2023.csv'));
  await expect(page.getByTestId('data-summary')).toContainText('953 rows read = 953 kept + 0 skipped');
  await expect(page.getByLabel('Type of streams')).toHaveValue(/^(number|integer)$/);
  const issues = page.locator('details.issues');
  await expect(issues).toContainText('1 cells unreadable');
  await issues.locator('summary').click();
  await expect(issues).toContainText('Line 576, column “streams”');
  // streams is heavy-tailed: flagged with the log1p suggestion.
  const streamsRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'streams', exact: true }) });
  await expect(streamsRow).toContainText('log1p');
});

test('a constant fill for missing numbers and the one-hot size reach the exported pipeline', async ({
  page,
}) => {
  await page.goto('/');
  await loadCsv(page, tabular('most_streamed_2023.csv'));
  // in_shazam_charts has missing cells: fill them with a constant the person types.
  await page.getByLabel('Missing values of in_shazam_charts').selectOption('constant');
  await page.getByLabel('Fill value of in_shazam_charts').fill('-1');
  // mode (Major / Minor) is one-hot encoded: keep only its most frequent value (the rest is "other").
  await expect(page.getByLabel('One-hot size of mode')).toHaveValue('20');
  await page.getByLabel('One-hot size of mode').fill('1');
  await setNumber(page, 'Epochs', 3);
  await trainAndWait(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download model (.zip)' }).click();
  const zip = unzipSync(new Uint8Array(readFileSync((await (await downloadPromise).path())!)));
  const prep = JSON.parse(new TextDecoder().decode(zip['preprocessing.json']));
  const by = (column: string) => prep.features.find((f: { column: string }) => f.column === column);
  expect(by('in_shazam_charts').impute).toBe(-1);
  expect(by('mode').vocab).toEqual(['Major']);
});

test('skipped rows are listed with their line and can be downloaded as CSV', async ({ page }, info) => {
  const file = info.outputPath('ragged.csv');
  writeFileSync(file, 'artist,title,popularity\nA,One,10\nB,Two,20,extra\nC,Three,30\nD,Four,40\n');
  await page.goto('/');
  await loadCsv(page, file);
  await expect(page.getByTestId('data-summary')).toContainText('4 rows read = 3 kept + 1 skipped');
  await expect(page.locator('details.issues')).toContainText('Line 3');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download skipped rows' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('line,reason,artist,title,popularity');
  expect(csv).toMatch(/^3,.*B,Two,20,extra/m);
});

test('tracks listed several times are shown as duplicates and merged before training', async ({
  page,
}, info) => {
  const ids = 60;
  const lines = ['track_id,artist,title,playlist,danceability,energy,chart_points,popularity'];
  let rows = 0;
  for (let i = 0; i < ids; i++) {
    const copies = 2 + (i % 2); // each id 2 or 3 times, as in one row per playlist
    const dance = ((i * 37) % 100) / 100;
    const energy = ((i * 53) % 100) / 100;
    for (let c = 0; c < copies; c++) {
      const pop = Math.round(30 + 50 * dance + c);
      // chart_points is the target times ten: a leakage suspect.
      lines.push(`t${i},Artist ${i % 17},Song ${i},list${c},${dance},${energy},${pop * 10},${pop}`);
      rows++;
    }
  }
  const file = info.outputPath('playlists.csv');
  writeFileSync(file, lines.join('\n') + '\n');

  await page.goto('/');
  await loadCsv(page, file);
  await expect(page.getByTestId('data-summary')).toContainText(`${rows} rows read`);
  const leakRow = page
    .getByRole('table', { name: 'Columns' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'chart_points', exact: true }) });
  await expect(leakRow.getByTestId('flag-leak')).toHaveText('leakage suspect');
  await expect(page.getByLabel('Use chart_points as a feature')).not.toBeChecked();
  const dups = page.getByTestId('duplicates-summary');
  await expect(dups).toContainText(`${rows - ids} duplicate rows in ${ids} groups (same track_id)`);
  await expect(page.getByLabel('Duplicate key')).toBeVisible();
  await page.getByLabel('Merge duplicates').selectOption('mean');
  await page.getByRole('button', { name: 'Remove duplicates' }).click();
  await expect(page.getByTestId('dedupe-result')).toContainText(
    `Removed ${rows - ids} duplicate rows (${ids} groups`,
  );
  await expect(page.getByTestId('data-summary')).toContainText(`${ids} rows after removing duplicates`);
  await expect(dups).toContainText('No duplicate tracks found');

  await setNumber(page, 'Epochs', 3);
  await trainAndWait(page);
  // The split saw the merged table: train + validation + test = the distinct ids.
  const split = (await page.getByTestId('split-sizes').textContent()) ?? '';
  const parts = [...split.matchAll(/(\d[\d,]*) (?:train|validation|test)/g)].map((m) =>
    Number(m[1]!.replace(/,/g, '')),
  );
  expect(parts).toHaveLength(3);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(ids);
});
