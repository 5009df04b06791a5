/**
 * Running the reference ONNX checker (bench/peer/onnx_check.py, Debian's python3-onnx) from tests. A missing
 * python3-onnx is a failure carrying the install command, never a skip: a skipped checker would silently stop
 * checking that Encore's hand-written protobuf is valid ONNX.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's interpreter, where apt installs python3-onnx. */
export const PYTHON = '/usr/bin/python3';

/** The command that installs the checker. */
export const ONNX_INSTALL = 'sudo apt-get update && sudo apt-get install -y python3-onnx';

/** The checker script, from the repository root. */
export const ONNX_CHECKER = path.resolve(__dirname, '../../../bench/peer/onnx_check.py');

/** Throws, with the install command, unless /usr/bin/python3 can import onnx. */
export function requirePythonOnnx(): void {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing. Install it with: ${ONNX_INSTALL}`);
  try {
    // Run from a neutral folder: a cwd holding a module named onnx would shadow the real one.
    execFileSync(PYTHON, ['-c', 'import onnx, onnx.checker'], { cwd: tmpdir(), stdio: 'pipe' });
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(e);
    throw new Error(`${PYTHON} cannot import onnx (${why}). Install it with: ${ONNX_INSTALL}`, { cause: e });
  }
}

/** One file's verdict from onnx_check.py. */
export interface OnnxCheck {
  file: string;
  ok: boolean;
  error?: string;
  onnx_version?: string;
  ir_version?: number;
  opset?: number;
  inputs?: { name: string; shape: (number | string)[] }[];
  outputs?: { name: string; shape: (number | string)[] }[];
  metadata?: Record<string, string>;
  nodes?: number;
}

/**
 * Check .onnx files with onnx.checker.check_model(full_check=True); one verdict per file, in order.
 * Throws (with the install command) when python3-onnx is missing.
 */
export function checkOnnxFiles(files: readonly string[]): OnnxCheck[] {
  requirePythonOnnx();
  let out: string;
  try {
    out = execFileSync(PYTHON, [ONNX_CHECKER, ...files], { cwd: tmpdir(), encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    // Exit status 1 = some file failed; its verdicts are still on stdout.
    const err = e as { stdout?: string; stderr?: string; message: string };
    if (!err.stdout) throw new Error(`${ONNX_CHECKER} failed: ${err.stderr || err.message}`, { cause: e });
    out = err.stdout;
  }
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OnnxCheck);
}
