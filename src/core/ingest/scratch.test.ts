import { test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ingestBytes } from './index';
test('scratch', () => {
  const dir = path.resolve(__dirname, '../../../testdata/data/tabular');
  for (const f of ['most_streamed_2023.csv','spotify_top_2000s.csv','top10s_2010_2019_latin1.csv','top_hits_2000_2019.csv','hit_predictor/dataset-of-60s.csv']) {
    const r = ingestBytes(new Uint8Array(fs.readFileSync(path.join(dir, f))));
    console.log(f, r.table.rowCount, r.table.columns.map(c => c.name + ':' + c.kind).join(' '), JSON.stringify({...r.report, skipped: r.report.skipped.slice(0,3)}));
  }
});
