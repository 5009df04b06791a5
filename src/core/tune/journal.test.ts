import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mixed } from '../../test-support/tune/benchmarks';
import { requireOptuna, runPython } from '../../test-support/tune/python';
import { optunaDistributionJson, toOptunaJournal } from './journal';
import { Study } from './study';

const READER = fileURLToPath(new URL('../../../bench/peer/read_journal.py', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'encore-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A study with every trial state, intermediate values (one NaN) and conditional parameters. */
function sampleStudy(): Study {
  let clock = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
  const study = Study.create({
    name: 'encore-journal-test',
    space: mixed.space,
    strategy: { id: 'tpe' },
    seed: 11,
    now: () => (clock += 1500),
  });
  for (let round = 0; round < 5; round++) {
    for (const t of study.ask(3)) {
      const v = mixed.objective(t.params);
      study.report(t.id, 0, v + 1);
      study.report(t.id, 1, v + 0.5);
      if (t.id === 13) continue; // stays pending (RUNNING)
      if (t.id % 5 === 1) study.tell(t.id, 'pruned');
      else if (t.id === 7) {
        study.report(t.id, 2, NaN);
        study.tell(t.id, 'failed');
      } else study.tell(t.id, v);
    }
  }
  return study;
}

describe('Optuna journal export', () => {
  it('writes one op per line with Optuna op codes and distribution JSON', () => {
    const lines = toOptunaJournal(sampleStudy().toJSON()).trimEnd().split('\n');
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toEqual({
      op_code: 0,
      worker_id: 'encore-0',
      study_name: 'encore-journal-test',
      directions: [1],
    });
    expect(lines[2]).toMatch(
      /^\{"op_code":4,"worker_id":"encore-0","study_id":0,"datetime_start":"2025-01-02T03:04:07\.178000"\}$/,
    );
    expect(optunaDistributionJson({ name: 'lr', type: 'logfloat', low: 1e-5, high: 1 })).toBe(
      '{"name":"FloatDistribution","attributes":{"step":null,"low":0.00001,"high":1.0,"log":true}}',
    );
    expect(optunaDistributionJson({ name: 'u', type: 'int', low: 8, high: 130, step: 8 })).toBe(
      '{"name":"IntDistribution","attributes":{"log":false,"step":8,"low":8,"high":128}}',
    );
  });

  it('loads into Optuna (/usr/bin/python3) with the same trials, states, params and values', () => {
    requireOptuna(); // fails with the install command when python3-optuna is missing; never skips
    const study = sampleStudy();
    const path = join(dir, 'journal.log');
    writeFileSync(path, toOptunaJournal(study.toJSON()));
    const back = JSON.parse(runPython(READER, [path, study.name])) as {
      study_name: string;
      directions: string[];
      user_attrs: Record<string, unknown>;
      trials: {
        number: number;
        state: string;
        params: Record<string, unknown>;
        value: number | null;
        intermediate: Record<string, number | string>;
        distributions: Record<string, string>;
      }[];
      best: { number: number; value: number };
    };
    expect(back.study_name).toBe('encore-journal-test');
    expect(back.directions).toEqual(['MINIMIZE']);
    expect(back.user_attrs).toEqual({ encore_strategy: { id: 'tpe' } });
    const states = { running: 'RUNNING', complete: 'COMPLETE', pruned: 'PRUNED', failed: 'FAIL' };
    expect(back.trials).toHaveLength(study.trials.length);
    study.trials.forEach((t, i) => {
      const o = back.trials[i]!;
      expect(o.number).toBe(t.id);
      expect(o.state).toBe(states[t.state]);
      expect(o.params).toEqual(t.params);
      expect(o.value).toEqual(t.state === 'failed' || t.value === undefined ? null : t.value);
      const inter = Object.fromEntries(
        Object.entries(t.intermediate).map(([k, v]) => [k, Number.isNaN(v) ? 'nan' : v]),
      );
      expect(o.intermediate).toEqual(inter);
      for (const spec of mixed.space.params) {
        if (t.params[spec.name] !== undefined)
          expect(JSON.parse(o.distributions[spec.name]!)).toEqual(JSON.parse(optunaDistributionJson(spec)));
      }
    });
    expect(new Set(back.trials.map((t) => t.state))).toEqual(
      new Set(['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING']),
    );
    expect(back.best).toMatchObject({ number: study.best()!.id, value: study.best()!.value });
  });
});
