/**
 * Running the scikit-learn peer (bench/peer/sklearn_hgb.py) with Debian's Python from tests. A
 * missing scikit-learn is a failure carrying the install command, never a skip: a skipped peer
 * would silently stop checking Encore's trees against scikit-learn.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's interpreter, where apt installs python3-sklearn. */
export const PYTHON = '/usr/bin/python3';

/** The command that installs what the peer needs (scikit-learn brings numpy and scipy). */
export const SKLEARN_INSTALL = 'sudo apt-get update && sudo apt-get install -y python3-sklearn';

/** The peer script, from the repository root. */
export const SKLEARN_PEER = path.resolve(__dirname, '../../../bench/peer/sklearn_hgb.py');

/** Throws, with the install command, unless /usr/bin/python3 can import sklearn. */
export function requireSklearn(): void {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing. Install it with: ${SKLEARN_INSTALL}`);
  try {
    // Run from a neutral folder: a cwd holding a module of the same name would shadow the real one.
    execFileSync(PYTHON, ['-c', 'import sklearn, numpy'], { cwd: tmpdir(), stdio: 'pipe' });
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(e);
    throw new Error(`${PYTHON} cannot import scikit-learn (${why}). Install it with: ${SKLEARN_INSTALL}`, {
      cause: e,
    });
  }
}

/** One case's result from `sklearn_hgb.py compare`. */
export interface SklearnResult {
  metric: 'rmse' | 'rocAuc';
  value: number;
  nIter: number;
  earlyStopping: boolean;
  fitSeconds: number;
  binThresholds: number[][];
  /** Iterations of the second fit whose early stopping read the case's valRows (when given). */
  sameHoldoutNIter?: number;
}

/**
 * Run `sklearn_hgb.py compare folder` and parse its JSON (throws with stderr on failure). One
 * OpenMP thread: on a busy 2-core runner scikit-learn's spinning OpenMP threads made the peer 4x
 * slower, and Encore's trees are single-threaded too, so the fit times compare like for like.
 */
export function runSklearnCompare(folder: string): {
  versions: Record<string, string>;
  results: Record<string, SklearnResult>;
} {
  try {
    const out = execFileSync(PYTHON, [SKLEARN_PEER, 'compare', folder], {
      cwd: tmpdir(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    return JSON.parse(out) as ReturnType<typeof runSklearnCompare>;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${PYTHON} ${SKLEARN_PEER} compare failed: ${err.stderr || err.message}`, { cause: e });
  }
}
