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
