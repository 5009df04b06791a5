/**
 * The one error value a bundle check reports: which file, which check, and a sentence a person can act on.
 * Checks throw a {@link BundleCheckError} internally; validateBundle turns the first one into a result value.
 */

/** Ids of the checks, in the order validateBundle runs them. */
export type BundleCheck =
  | 'zip-size'
  | 'zip'
  | 'entry-count'
  | 'entry-size'
  | 'total-size'
  | 'compression-ratio'
  | 'manifest'
  | 'format'
  | 'format-version'
  | 'size-cap'
  | 'missing-file'
  | 'extra-file'
  | 'size'
  | 'inflated-size'
  | 'sha256'
  | 'json'
  | 'model-json'
  | 'layers'
  | 'weights-manifest'
  | 'weight-shapes'
  | 'weights-length'
  | 'finite'
  | 'golden'
  | 'unexpected';

/** Why a bundle was refused. `file` is the entry inside the zip the problem is about, when there is one. */
export interface BundleProblem {
  file?: string;
  check: BundleCheck;
  message: string;
}

/** Thrown by the individual checks; carries the {@link BundleProblem} to report. */
export class BundleCheckError extends Error {
  readonly problem: BundleProblem;
  constructor(problem: BundleProblem) {
    super(problem.message);
    this.name = 'BundleCheckError';
    this.problem = problem;
  }
}

/** Throw a {@link BundleCheckError} for `check`, optionally naming the file. */
export function fail(check: BundleCheck, message: string, file?: string): never {
  throw new BundleCheckError(file === undefined ? { check, message } : { file, check, message });
}

/** Human size: 2000000000 -> "2 GB", 1536 -> "1.5 KB" (decimal units, as file managers show). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(1).replace(/\.0$/, '')} ${units[i]}`;
}
