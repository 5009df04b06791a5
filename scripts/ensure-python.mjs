#!/usr/bin/env node
// Make sure Debian's Python can run the Optuna peer tests (src/core/tune/*.test.ts load Encore's
// journal export into Optuna; bench/peer/optuna_regret.py regenerates testdata/peers/). We use
// Debian's packages, not pip: python3-optuna, python3-scipy, python3-numpy, python3-sklearn, python3-onnx.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';

const PYTHON = '/usr/bin/python3';
const PACKAGES = { optuna: 'python3-optuna', scipy: 'python3-scipy', numpy: 'python3-numpy', sklearn: 'python3-sklearn', onnx: 'python3-onnx' };

/** Debian packages whose module /usr/bin/python3 cannot import (all of them without Python). */
function missingPackages() {
  if (!existsSync(PYTHON)) return ['python3', ...Object.values(PACKAGES)];
  return Object.entries(PACKAGES)
    .filter(([mod]) => {
      try {
        // Run from a neutral folder: a cwd holding a module of the same name would shadow the real one.
        execFileSync(PYTHON, ['-c', `import ${mod}`], { cwd: tmpdir(), stdio: 'ignore' });
        return false;
      } catch {
        return true;
      }
    })
    .map(([, pkg]) => pkg);
}

const missing = missingPackages();
if (missing.length === 0) process.exit(0);

const install = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The tuner's Optuna peer tests need ${PYTHON} with optuna, scipy and numpy; missing: ${missing.join(', ')}.\n` +
      `Install them with:  sudo ${install.replace('&& apt-get', '&& sudo apt-get')}`,
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(' ')} with apt-get…`);
// Wait for another apt/dpkg run (up to 10 minutes) instead of failing on its lock.
execSync(
  `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y ${missing.join(' ')}`,
  {
    stdio: 'inherit',
  },
);
const still = missingPackages();
if (still.length > 0) {
  console.error(`apt-get finished but ${PYTHON} still cannot import: ${still.join(', ')}.`);
  process.exit(1);
}
