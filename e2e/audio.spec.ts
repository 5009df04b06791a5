/**
 * Audio in, features out, end to end: the five real clips plus two broken files go in through
 * the Audio panel's file input; five get feature rows and the two get their own clear errors;
 * the features are joined onto a CSV by file name and a model trains on the joined table.
 *
 * e2e/fixtures/audio_popularity.csv is made up for this test: each clip's file name (spelt with
 * different case, extension, spacing and folder, to exercise the name matching) with an invented
 * popularity in three markets, plus one row whose file was never added. Three rows per clip because
 * training needs at least 10 rows and there are five clips.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, repoRoot, test, testdata } from './fixtures';
import { loadCsv, setNumber, trainAndWait } from './app';

const clips = fs
  .readdirSync(testdata('data', 'audio'))
  .filter((f) => f.endsWith('.ogg'))
  .map((f) => testdata('data', 'audio', f));
const broken = [testdata('generated-audio', 'truncated_3000B.ogg'), testdata('generated-audio', 'zero_length.wav')];
const csv = path.join(repoRoot, 'e2e', 'fixtures', 'audio_popularity.csv');

test('audio files become feature rows with per-file errors, join onto a CSV by file name, and train', async ({
  page,
}) => {
  test.setTimeout(170_000);
  expect(clips).toHaveLength(5);
  await page.goto('/');
  await page.getByLabel('Audio files', { exact: true }).setInputFiles([...clips, ...broken]);

  const status = page.getByRole('table', { name: 'Audio file status' });
  await expect(status.getByTestId('audio-row-done')).toHaveCount(5, { timeout: 100_000 });
  await expect(status.getByTestId('audio-error')).toHaveCount(2);
  await expect(status.getByRole('row').filter({ hasText: 'zero_length.wav' })).toContainText('Empty file');
  await expect(status.getByRole('row').filter({ hasText: 'truncated_3000B.ogg' })).toContainText('Truncated');
  await expect(page.getByTestId('audio-progress')).toContainText('7 of 7 files');
  // Every finished row shows a tempo and a key; the first one is drawn.
  await expect(status.getByTestId('audio-row-done').first()).toContainText(/\d+(\.\d)? \(conf/);
  await expect(page.getByRole('img', { name: /^Log-mel spectrogram of / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Chroma of / })).toBeVisible();

  await loadCsv(page, csv);
  await page.getByLabel('Join column').selectOption('file_name');
  await page.getByRole('button', { name: /^Join audio features onto/ }).click();
  const report = page.getByTestId('join-report');
  await expect(report).toContainText('15 of 16 rows found a file; 5 files matched', { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Unmatched rows' })).toContainText('unreleased_demo.wav');
  await expect(page.getByTestId('data-summary')).toContainText('15 rows read');
  await expect(page.getByTestId('data-summary')).toContainText('audio_popularity.csv + audio features');

  await setNumber(page, 'Epochs', 5);
  await setNumber(page, 'Early-stopping patience', 0);
  await trainAndWait(page, 90_000);
});
