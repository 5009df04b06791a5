/**
 * Defaults the UI pre-selects: which column is the target, which task, which features.
 */
import type { Task } from '../data/task';
import type { ColumnProfile } from './profile';
import type { FeatureSpec } from './types';

/** Target names in order of preference (matched case-insensitively, exact first, then as a word). */
const TARGET_NAMES = ['popularity', 'pop', 'streams', 'target', 'hit', 'label', 'y'];
const USABLE_TARGET = new Set(['number', 'integer', 'boolean', 'category']);

/** What target suggestion reads of a column: its name, type and missing share (a ColumnProfile has them). */
export type TargetCandidate = Pick<ColumnProfile, 'name' | 'type' | 'missingShare'>;

/** Names suggestTarget also finds as a word inside a longer name ("track_popularity", "Hit?"). */
const WORD_TARGETS = TARGET_NAMES.slice(0, 5).map((t) => new RegExp(`(^|[^a-z])${t}([^a-z]|$)`, 'i'));
const isNamed = (name: string, target: string): boolean => name.trim().toLowerCase() === target;

/** True when a column of this name could be suggestTarget's choice (only such names can be). */
export function mayBeTarget(name: string): boolean {
  return TARGET_NAMES.some((t) => isNamed(name, t)) || WORD_TARGETS.some((re) => re.test(name));
}

/** The column most likely to be the target ("popularity", "pop", "streams", "target", "hit"), or undefined. */
export function suggestTarget(profiles: readonly TargetCandidate[]): string | undefined {
  const usable = profiles.filter((p) => USABLE_TARGET.has(p.type) && p.missingShare < 0.5);
  for (const name of TARGET_NAMES) {
    const hit = usable.find((p) => isNamed(p.name, name));
    if (hit) return hit.name;
  }
  for (const re of WORD_TARGETS) {
    const hit = usable.find((p) => re.test(p.name));
    if (hit) return hit.name;
  }
  return undefined;
}

/** Classification for booleans, categories and numbers with at most 2 distinct values; else regression. */
export function suggestTask(profile: ColumnProfile): Task {
  if (profile.type === 'boolean' || profile.type === 'category') return 'classification';
  if ((profile.type === 'number' || profile.type === 'integer') && profile.distinct <= 2)
    return 'classification';
  return 'regression';
}

/** One-hot is offered by default only up to this many distinct values. */
export const LOW_CARDINALITY = 50;

/**
 * Default feature columns: numbers, integers, booleans, categories with at most LOW_CARDINALITY
 * values, multicategories. Never: the target, identifiers, free text, constants, dates,
 * leakage suspects, or columns that are more than 95% missing.
 */
export function defaultFeatures(profiles: ColumnProfile[], target: string): string[] {
  return profiles
    .filter((p) => {
      if (
        p.name === target ||
        p.flags.includes('leak') ||
        p.flags.includes('constant') ||
        p.missingShare > 0.95
      )
        return false;
      switch (p.type) {
        case 'number':
        case 'integer':
        case 'boolean':
        case 'multicategory':
          return true;
        case 'category':
          return p.distinct <= LOW_CARDINALITY;
        default:
          return false;
      }
    })
    .map((p) => p.name);
}

/**
 * FeatureSpecs for the chosen feature columns, with the profile's advice applied: log1p scaling for
 * heavy right tails, target encoding for categories with more than LOW_CARDINALITY values,
 * multi-hot for multicategories, median imputation for numbers (the pipeline's defaults otherwise).
 */
export function suggestFeatureSpecs(profiles: ColumnProfile[], names: string[]): FeatureSpec[] {
  return names.flatMap((name) => {
    const p = profiles.find((q) => q.name === name);
    if (!p) return [];
    const spec: FeatureSpec = { name, type: p.type };
    if (p.type === 'number' || p.type === 'integer') {
      spec.impute = 'median';
      spec.scaling = p.suggestedScaling === 'log1p' ? 'log1p' : 'standard';
    } else if (p.type === 'category' || p.type === 'text' || p.type === 'id') {
      spec.encoding = p.distinct > LOW_CARDINALITY ? 'target' : 'onehot';
    } else if (p.type === 'multicategory') spec.encoding = 'multihot';
    else if (p.type === 'date') spec.encoding = 'date';
    if (p.missing > 0 && p.type !== 'category' && p.type !== 'multicategory')
      spec.missingIndicator = p.missingShare >= 0.05;
    return [spec];
  });
}
