import { expect, test, testdata } from './fixtures';
import { loadCsv, readMetric, setNumber, trainAndWait } from './app';

/** Each real table loads and trains through the UI with its own target. */
const tables: { file: string; target: string; rows: string; extra?: RegExp }[] = [
  { file: 'top_hits_2000_2019.csv', target: 'popularity', rows: '2,000 rows read' },
  { file: 'spotify_top_2000s.csv', target: 'Popularity', rows: '1,994 rows read' },
  { file: 'top10s_2010_2019_latin1.csv', target: 'pop', rows: '603 rows read', extra: /windows-1252|latin/i },
  { file: 'most_streamed_2023.csv', target: 'streams', rows: '953 rows read' },
];

for (const t of tables) {
  test(`${t.file} loads and trains with target ${t.target}`, async ({ page }) => {
    await page.goto('/');
    await loadCsv(page, testdata('data', 'tabular', t.file));
    await expect(page.getByTestId('data-summary')).toContainText(t.rows);
    if (t.extra) await expect(page.getByTestId('data-summary')).toContainText(t.extra);
    await expect(page.getByLabel('Target column')).toHaveValue(t.target);
    await setNumber(page, 'Epochs', 15);
    if (t.target === 'popularity') {
      // A person's choice of preparation reaches the pipeline: robust scaling for tempo trains as well.
      await page.getByLabel('Scaling of tempo').selectOption('robust');
    }
    await trainAndWait(page);
    const [r2] = await readMetric(page, 'R²');
    expect(Number.isFinite(r2)).toBe(true);
  });
}

/**
 * A big file (over 8 MiB) goes through the decode worker the data worker starts. This one is
 * windows-1252 with its first accent past the first 4 MiB chunk, so the UTF-8 decode fails mid-file
 * and the load restarts as windows-1252, with the accent intact and a notice. It is also big enough
 * (2,000,000 cells) to be profiled on two threads: the number columns' profiles come from the
 * profile helper worker, and leakage is flagged against the suggested target.
 */
test('a 20 MB windows-1252 table loads through the decode and profile workers', async ({ page }) => {
  const lines = ['artist,track,year,popularity,energy,tempo,streams,duration_ms,liveness,chart_points'];
  const rows = 200_000;
  for (let i = 0; i < rows; i++) {
    const artist = i >= 150_000 && i % 3 === 0 ? 'Beyonc\u00e9' : `Artist ${i % 5000}`;
    const pop = (i * 7) % 101;
    const cells = [
      artist,
      `Track number ${i} with a longer title`,
      1960 + (i % 60),
      pop,
      ((i * 13) % 1000) / 1000,
      60 + ((i * 17) % 120),
      Math.round(1000 * Math.exp((i % 97) / 8)),
      150_000 + ((i * 31) % 90_000),
      ((i * 3) % 100) / 100,
      pop * 2, // a copy of the target in other units: a leakage suspect
    ];
    lines.push(cells.join(','));
  }
  const buffer = Buffer.from(lines.join('\n') + '\n', 'latin1');
  expect(buffer.length).toBeGreaterThan(16 * 1024 * 1024);
  await page.goto('/');
  await page.getByLabel('CSV file').setInputFiles({ name: 'big_latin1.csv', mimeType: 'text/csv', buffer });
  const summary = page.getByTestId('data-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText('200,000 rows read');
  await expect(summary).toContainText(/windows-1252|latin/i);
  await expect(page.getByLabel('Target column')).toHaveValue('popularity');
  await expect(page.getByRole('img', { name: 'Histogram of tempo, 60 to 179' })).toBeVisible();
  const row = (name: string) =>
    page
      .getByRole('table', { name: 'Columns' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('chart_points').getByTestId('flag-leak')).toHaveText('leakage suspect');
  await expect(row('streams').getByTestId('flag-skew')).toBeVisible();
  await expect(page.getByText('Beyonc\u00e9').first()).toBeVisible();
});
