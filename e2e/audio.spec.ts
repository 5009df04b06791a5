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
import { zipSync } from 'fflate';
import { expect, repoRoot, test, testdata } from './fixtures';
import { loadCsv, setNumber, trainAndWait } from './app';

const clips = fs
  .readdirSync(testdata('data', 'audio'))
  .filter((f) => f.endsWith('.ogg'))
  .map((f) => testdata('data', 'audio', f));
const broken = [
  testdata('generated-audio', 'truncated_3000B.ogg'),
  testdata('generated-audio', 'zero_length.wav'),
];
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

  // Re-adding a file costs nothing: its features come from the IndexedDB cache.
  await page.getByLabel('Audio files', { exact: true }).setInputFiles(clips[4]!);
  await expect(status.getByTestId('audio-row-done')).toHaveCount(6);
  await expect(status.getByTestId('audio-row-done').last()).toContainText('Done (cached)');

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

  // The joined table carries each clip's MFCC frames: a sequence model trains on them too.
  await page.getByRole('combobox', { name: /^Model/ }).selectOption({ label: 'LSTM (frame sequences)' });
  await setNumber(page, 'Epochs', 2);
  await trainAndWait(page, 90_000);
  await expect(page.getByRole('table', { name: 'Runs' })).toContainText('lstm');
});

test('a folder and a zip are expanded, and files that are not audio are skipped', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const small = ['Kevin_MacLeod_-_Vibe_Ace', 'sorohanro_-_solo-trumpet-06'];
  const zip = zipSync({
    'album/': new Uint8Array(0),
    ...Object.fromEntries(
      small.map((n) => [`album/${n}.ogg`, fs.readFileSync(testdata('data', 'audio', `${n}.ogg`))]),
    ),
    'album/notes.txt': new TextEncoder().encode('liner notes'),
    '__MACOSX/album/._x.ogg': new Uint8Array(8),
  });
  await page
    .getByLabel('Audio files', { exact: true })
    .setInputFiles({ name: 'album.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  const status = page.getByRole('table', { name: 'Audio file status' });
  await expect(status.getByTestId('audio-row-done')).toHaveCount(2, { timeout: 60_000 });
  await expect(
    page.getByText('Skipped 1 files that are not audio (album.zip/album/notes.txt)'),
  ).toBeVisible();

  // The folder holds the five clips and their five licence texts.
  await page.getByLabel('Choose a folder', { exact: true }).setInputFiles(testdata('data', 'audio'));
  await expect(status.getByTestId('audio-row-done')).toHaveCount(7, { timeout: 90_000 });
  await expect(status.getByTestId('audio-error')).toHaveCount(0);
  await expect(page.getByText(/Skipped 5 files that are not audio/)).toBeVisible();
  // The two clips that were in the zip are now served from the cache.
  await expect(status.getByRole('row').filter({ hasText: 'Done (cached)' })).toHaveCount(2);

  // Drag and drop onto the panel works too (a file dropped from the desktop).
  const bytes = fs
    .readFileSync(testdata('data', 'audio', 'sorohanro_-_solo-trumpet-06.ogg'))
    .toString('base64');
  const dt = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const t = new DataTransfer();
    t.items.add(new File([data], 'dropped.ogg', { type: 'audio/ogg' }));
    return t;
  }, bytes);
  await page.getByTestId('audio-drop').dispatchEvent('drop', { dataTransfer: dt });
  await expect(status.getByRole('row').filter({ hasText: 'dropped.ogg' })).toContainText('Done (cached)');

  // Re-analyse everything as whole tracks, cancel at once: the queued files stop, then resume.
  await page.getByLabel('Analyse', { exact: true }).selectOption('whole');
  await page.getByRole('button', { name: 'Re-analyse all with this window' }).click();
  await page.getByRole('button', { name: 'Cancel audio analysis' }).click();
  await expect(status.getByTestId(/^audio-row-(queued|reading|decoding|analysing)$/)).toHaveCount(0, {
    timeout: 20_000,
  });
  const cancelled = await status.getByTestId('audio-row-cancelled').count();
  expect(cancelled).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: `Resume ${cancelled} cancelled files` }).click();
  await expect(status.getByTestId('audio-row-done')).toHaveCount(8, { timeout: 90_000 });
  await expect(
    status.getByRole('row').filter({ hasText: 'Kevin_MacLeod_-_Vibe_Ace.ogg' }).first(),
  ).not.toContainText('30.0 s');

  await page.getByRole('button', { name: 'Use audio features as the dataset' }).click();
  await expect(page.getByTestId('data-summary')).toContainText('audio features (8 files)');
  await expect(page.getByTestId('data-summary')).toContainText('8 rows read');
});
