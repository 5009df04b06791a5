/**
 * Running Debian's Python from tests (the Optuna peer). A missing Optuna is a failure with the command
 * that fixes it, never a skip: a skipped peer test would silently stop checking the journal format.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Debian's interpreter, where apt installs python3-optuna. */
export const PYTHON = '/usr/bin/python3';

/** The command that installs what the peer tests need. */
export const INSTALL_HINT =
  'sudo apt-get update && sudo apt-get install -y python3-optuna python3-scipy python3-numpy (or run: node scripts/ensure-python.mjs as root)';

/** Throws, with the install command, unless /usr/bin/python3 can import optuna. */
export function requireOptuna(): void {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing. Install it with: ${INSTALL_HINT}`);
  try {
    execFileSync(PYTHON, ['-c', 'import optuna'], { cwd: tmpdir(), stdio: 'pipe' });
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(e);
    throw new Error(`${PYTHON} cannot import optuna (${why}). Install it with: ${INSTALL_HINT}`, {
      cause: e,
    });
  }
}

/** Run a Python script file with arguments and return its stdout (throws with stderr on failure). */
export function runPython(script: string, args: readonly string[]): string {
  try {
    return execFileSync(PYTHON, [script, ...args], {
      cwd: tmpdir(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${PYTHON} ${script} failed: ${err.stderr || err.message}`, { cause: e });
  }
}
