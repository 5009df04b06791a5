/**
 * Profiling a big table on two threads. After a big CSV load the parse thread holds the table and the
 * second core is idle; profiling (about a second for a million rows and twenty columns) splits well by
 * column. A helper worker (workers/profile.worker.ts) profiles number columns sent to it one at a time
 * as copies (transferred, so each costs one memcpy; the table itself never leaves this thread, so a
 * helper that fails loses nothing: its columns are profiled here instead). This thread takes columns
 * from the front of the queue (text first: they need the dictionaries, which stay here), the helper
 * from the back (numbers only), two in flight so it never waits for this thread to finish a column.
 * The profiles are exactly profileTable's (profileColumn runs on both sides).
 *
 * Protocol: this side posts ProfileJob messages; the helper answers each with one ProfileReply.
 */
import { stringColumn, type ColumnType, type NumberColumn, type Table } from '../data/table';
import { mulberry32 } from '../random';
import {
  checkLeakage,
  leakTarget,
  profileColumn,
  profileTable,
  type ColumnProfile,
  type LeakTarget,
} from './profile';
import { mayBeTarget, suggestTarget } from './suggest';

/** Below minCells cells a table is profiled on one thread (a worker start costs more than it saves); tests lower it. */
export const parallelConfig = { minCells: 2_000_000 };
/** Columns the helper holds at once (one profiling, one waiting), so that it is never idle. */
const IN_FLIGHT = 2;

export interface ProfileJob {
  kind: 'column';
  index: number;
  name: string;
  /** The column's first rowCount values (a copy, transferred). */
  values: Float64Array;
  type?: ColumnType;
  /** With the first job, when leakage is checked: the (number) target column, a copy. */
  target?: { index: number; name: string; values: Float64Array };
}

/** A profile comes back with the job's buffer (transferred), for the next job to reuse. */
export type ProfileReply =
  /** The helper has loaded and warmed up (sent once, maybe after the first job: ignore it). */
  | { kind: 'ready' }
  | { kind: 'profile'; index: number; profile: ColumnProfile; values: Float64Array }
  | { kind: 'error'; index: number; message: string };

/** What the helper answers a job with. */
export type JobReply = Exclude<ProfileReply, { kind: 'ready' }>;

/**
 * The helper side: answers each job with the column's profile (or the error it raised), handing the
 * job's buffer back: a fresh 8 MB buffer costs its page faults, which on the 2-core VM took longer
 * than profiling the column.
 */
export function profileJobHandler(
  post: (r: JobReply, transfer: Transferable[]) => void,
): (job: ProfileJob) => void {
  let target: LeakTarget | undefined;
  return (job) => {
    try {
      if (job.target) {
        const t = job.target;
        target = { index: t.index, col: { name: t.name, kind: 'number', values: t.values }, y: t.values };
      }
      const col: NumberColumn = { name: job.name, kind: 'number', values: job.values };
      const profile = profileColumn(col, job.index, job.type, job.values.length, target);
      post({ kind: 'profile', index: job.index, profile, values: job.values }, [job.values.buffer]);
    } catch (e) {
      post({ kind: 'error', index: job.index, message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}

/**
 * Profile a small synthetic table once (every column kind and type, and the leakage check), so that
 * V8 has optimized the profiling loops before a million-row column reaches them: run cold, a loop
 * starts in the interpreter, where every sum allocates until on-stack replacement catches up. The
 * profile helper does this when it starts (ahead of a load, off the critical path); on the thread
 * that holds the table it cost more than it saved (measured: profile 0.67-1.05 s without it,
 * 0.99-1.25 s with it).
 */
export function warmUpProfiling(): void {
  const n = 4096;
  const rng = mulberry32(7);
  const num = (f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));
  const y = num((i) => (i % 101) + (i % 7 === 0 ? NaN : 0));
  const table: Table = {
    rowCount: n,
    columns: [
      { name: 'y', kind: 'number', values: y },
      { name: 'copy', kind: 'number', values: y.slice() },
      { name: 'int', kind: 'number', values: num((i) => (i * 7919) % 1000) },
      { name: 'milli', kind: 'number', values: num(() => Math.round(rng() * 1000) / 1000) },
      { name: 'float', kind: 'number', values: num(() => Math.exp(rng() * 10)) },
      { name: 'flag', kind: 'number', values: num((i) => i % 2) },
      stringColumn(
        'text',
        Array.from({ length: n }, (_, i) => (i % 3 ? `v${i % 50}` : '')),
      ),
      stringColumn(
        'bool',
        Array.from({ length: n }, (_, i) => (i % 3 ? 'True' : 'False')),
      ),
      stringColumn(
        'date',
        Array.from({ length: n }, (_, i) => `${1960 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`),
      ),
      stringColumn(
        'id',
        Array.from({ length: n }, (_, i) => `id${i}x`),
      ),
    ],
  };
  profileTable(table, { target: 'y' });
}

/** What this side needs of a helper: a Worker, or a stand-in in tests. */
export interface ProfileHelper {
  postMessage(job: ProfileJob, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ProfileReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * Every column's profile, the same as profileTable's, computed with a helper from `startHelper` when
 * the table is big enough; on this thread alone otherwise, or when the helper cannot start or fails.
 * `target`: leakage is checked against it, by whichever thread profiles the column (the helper gets
 * a copy of a number target). `known`: profiles already made (without leakage), not made again.
 */
export async function profileColumnsParallel(
  table: Table,
  opts: {
    types?: readonly (ColumnType | undefined)[];
    target?: string;
    known?: readonly (ColumnProfile | undefined)[];
  } = {},
  startHelper?: () => ProfileHelper,
): Promise<ColumnProfile[]> {
  const { types, known } = opts;
  const n = table.rowCount;
  const cols = table.columns;
  const target = opts.target === undefined ? undefined : leakTarget(table, opts.target);
  const out: (ColumnProfile | undefined)[] = new Array(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const p = known?.[i];
    if (!p) continue;
    if (target) checkLeakage(p, cols[i]!, target, n);
    out[i] = p;
  }
  const here = (i: number): ColumnProfile => profileColumn(cols[i]!, i, types?.[i], n, target);
  const todo = cols.flatMap((_, i) => (out[i] ? [] : [i]));
  const numbers = todo.filter((i) => cols[i]!.kind === 'number');
  let helper: ProfileHelper | undefined;
  if (startHelper && numbers.length >= 2 && n * todo.length >= parallelConfig.minCells) {
    try {
      helper = startHelper();
    } catch {
      helper = undefined;
    }
  }
  if (!helper) {
    for (const i of todo) out[i] = here(i);
    return out as ColumnProfile[];
  }
  // A text target: the helper's columns are checked for leakage here when they come back.
  const helperTarget = target?.col.kind === 'number' ? target : undefined;
  let targetSent = false;

  // Text columns first for this thread, number columns last (the helper takes from the back).
  const queue = [...todo.filter((i) => cols[i]!.kind !== 'number'), ...numbers];
  const sent = new Set<number>();
  /** Buffers the helper handed back, for the next jobs (all columns have n values). */
  const spare: Float64Array[] = [];
  let failed = false;
  let wake: (() => void) | null = null;
  const send = (): void => {
    while (
      !failed &&
      sent.size < IN_FLIGHT &&
      queue.length > 0 &&
      cols[queue[queue.length - 1]!]!.kind === 'number'
    ) {
      const i = queue.pop()!;
      const col = cols[i] as NumberColumn;
      const reuse = spare.pop();
      const values = reuse ?? col.values.slice(0, n);
      if (reuse) reuse.set(col.values.subarray(0, n));
      sent.add(i);
      const job: ProfileJob = { kind: 'column', index: i, name: col.name, values };
      const type = types?.[i];
      if (type) job.type = type;
      const transfer: Transferable[] = [values.buffer];
      if (helperTarget && !targetSent) {
        const y = helperTarget.y.slice(0, n);
        job.target = { index: helperTarget.index, name: helperTarget.col.name, values: y };
        transfer.push(y.buffer);
        targetSent = true;
      }
      helper.postMessage(job, transfer);
    }
  };
  const giveBack = (): void => {
    // The helper failed (an error, or a column it could not profile): stop using it; what it holds
    // goes back to this thread (late answers for those columns are ignored).
    failed = true;
    queue.unshift(...sent);
    sent.clear();
  };
  helper.onmessage = (e) => {
    const r = e.data;
    if (r.kind === 'ready' || !sent.has(r.index)) return;
    if (r.kind === 'profile') {
      sent.delete(r.index);
      out[r.index] = r.profile;
      if (target && !helperTarget) checkLeakage(r.profile, cols[r.index]!, target, n);
      if (r.values.length === n) spare.push(r.values);
      send();
    } else giveBack();
    wake?.();
  };
  helper.onerror = (e) => {
    e.preventDefault?.();
    giveBack();
    wake?.();
  };
  try {
    send();
    for (;;) {
      const i = queue.shift();
      if (i !== undefined) {
        out[i] = here(i);
        // Let the helper's answers in (and send it more) between columns.
        await nextTask();
        continue;
      }
      if (sent.size === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    helper.terminate();
  }
  return out.map((p, i) => p ?? here(i));
}

/**
 * Profiles plus the suggested target and the leakage flags against it: what a freshly loaded table
 * shows first. The columns that could be the target (by name) are profiled first, so the target is
 * known before the others are profiled and each is checked for leakage as it is profiled.
 * `startHelper` as in profileColumnsParallel.
 */
export async function profileLoaded(
  table: Table,
  startHelper?: () => ProfileHelper,
): Promise<{ profiles: ColumnProfile[]; target: string | undefined }> {
  const known = table.columns.map((col, i) =>
    mayBeTarget(col.name) ? profileColumn(col, i, undefined, table.rowCount) : undefined,
  );
  const target = suggestTarget(known.filter((p) => p !== undefined));
  const profiles = await profileColumnsParallel(table, { target, known }, startHelper);
  return { profiles, target };
}

/** Resolves in a new task (a message to itself: timers are clamped to 4 ms once nested). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      c.port1.close();
      resolve();
    };
    c.port2.postMessage(0);
  });
}
