/** Two-thread profiling gives exactly profileTable's profiles, and a failing helper loses nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Table } from '../data/table';
import { ingestBytes } from '../ingest';
import { profileTable } from './profile';
import {
  parallelConfig,
  profileColumnsParallel,
  profileJobHandler,
  profileLoaded,
  type ProfileHelper,
  type ProfileJob,
  type JobReply,
  type ProfileReply,
} from './profileParallel';
import { suggestTarget } from './suggest';

const load = (file: string): Table =>
  ingestBytes(new Uint8Array(readFileSync(path.resolve(__dirname, '../../../testdata/data/tabular', file))))
    .table;

type Mode = 'ok' | 'replyErrors' | 'crashAfterOne';

/**
 * A helper running profileJobHandler on this thread, a task later, on a structured clone of each job
 * (as a Worker would receive it). `jobs` counts what it was sent.
 */
function fakeHelper(mode: Mode = 'ok') {
  /** reused: jobs sent in a buffer that an earlier answer handed back. */
  const stats = { jobs: 0, reused: 0, terminated: false };
  const handedBack = new WeakSet<ArrayBufferLike>();
  const start = (): ProfileHelper => {
    const h: ProfileHelper = {
      onmessage: null,
      onerror: null,
      postMessage(job: ProfileJob, transfer: Transferable[]) {
        stats.jobs++;
        if (handedBack.has(job.values.buffer)) stats.reused++;
        const copy = structuredClone(job, { transfer });
        setTimeout(() => {
          if (stats.terminated) return;
          if (mode === 'crashAfterOne' && stats.jobs > 1) {
            h.onerror?.({ preventDefault() {} } as ErrorEvent);
            return;
          }
          const reply = (r: JobReply, back: Transferable[]) => {
            const data: ProfileReply =
              mode === 'replyErrors'
                ? { kind: 'error', index: r.index, message: 'boom' }
                : structuredClone(r, { transfer: back });
            if (data.kind === 'profile') handedBack.add(data.values.buffer);
            h.onmessage?.({ data } as MessageEvent<ProfileReply>);
          };
          profileJobHandler(reply)(copy);
        }, 1);
      },
      terminate() {
        stats.terminated = true;
      },
    };
    // As the real helper does once it has loaded: a message that is not an answer.
    setTimeout(() => h.onmessage?.({ data: { kind: 'ready' } } as MessageEvent<ProfileReply>), 0);
    return h;
  };
  return { start, stats };
}

describe('profileColumnsParallel', () => {
  const minCells = parallelConfig.minCells;
  beforeAll(() => {
    parallelConfig.minCells = 1; // the test tables are small
  });
  afterAll(() => {
    parallelConfig.minCells = minCells;
  });

  const files = ['top_hits_2000_2019.csv', 'most_streamed_2023.csv', 'top10s_2010_2019_latin1.csv'];

  it.each(files)('%s: the same profiles as profileTable, the table untouched', async (file) => {
    const table = load(file);
    const before = table.columns.map((c) => (c.kind === 'number' ? c.values.slice() : c.codes.slice()));
    const helper = fakeHelper();
    const got = await profileColumnsParallel(table, {}, helper.start);
    expect(helper.stats.jobs).toBeGreaterThan(1);
    expect(helper.stats.terminated).toBe(true);
    // Buffers come back and are reused: only the first two jobs need new ones.
    expect(helper.stats.reused).toBe(helper.stats.jobs - 2);
    expect(got).toEqual(profileTable(table));
    table.columns.forEach((c, i) => expect(c.kind === 'number' ? c.values : c.codes).toEqual(before[i]));
  });

  it.each([
    ['popularity', 'a number target (the helper gets a copy)'],
    ['explicit', 'a text target (checked here)'],
    ['duration_ms', 'a target the helper profiles'],
  ])('leakage against %s, %s: as profileTable flags it', async (target) => {
    const table = load('top_hits_2000_2019.csv');
    // A copy of the target under another name, so that there is something to flag.
    const t = table.columns.find((c) => c.name === target)!;
    table.columns.push({ ...t, name: `${target}_copy` });
    const helper = fakeHelper();
    const got = await profileColumnsParallel(table, { target }, helper.start);
    expect(helper.stats.jobs).toBeGreaterThan(1);
    const want = profileTable(table, { target });
    expect(got).toEqual(want);
    expect(want.at(-1)!.flags).toContain('leak');
    expect(want.find((p) => p.name === target)!.flags).not.toContain('leak');
  });

  it('type overrides travel with the jobs', async () => {
    const table = load('top_hits_2000_2019.csv');
    const types = table.columns.map((c) => (c.kind === 'number' ? ('number' as const) : undefined));
    const got = await profileColumnsParallel(table, { types }, fakeHelper().start);
    expect(got).toEqual(profileTable(table, { types }));
  });

  it.each<Mode>(['replyErrors', 'crashAfterOne'])(
    'a helper that fails (%s): its columns are profiled here',
    async (mode) => {
      const table = load('top_hits_2000_2019.csv');
      const helper = fakeHelper(mode);
      expect(await profileColumnsParallel(table, {}, helper.start)).toEqual(profileTable(table));
      expect(helper.stats.jobs).toBeGreaterThan(0);
    },
  );

  it('a helper that cannot start: one thread', async () => {
    const table = load('top_hits_2000_2019.csv');
    const got = await profileColumnsParallel(table, {}, () => {
      throw new Error('no workers here');
    });
    expect(got).toEqual(profileTable(table));
  });

  it('profileLoaded: the suggested target and leakage flags against it', async () => {
    const table = load('top_hits_2000_2019.csv');
    const { profiles, target } = await profileLoaded(table, fakeHelper().start);
    expect(target).toBe('popularity');
    expect(target).toBe(suggestTarget(profileTable(table)));
    expect(profiles).toEqual(profileTable(table, { target }));
  });
});
