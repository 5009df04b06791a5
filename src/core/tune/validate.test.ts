import { describe, expect, it } from 'vitest';
import { conditionHolds, isActive, type SearchSpace } from './space';
import { validateTuning } from './validate';

const good: SearchSpace = {
  params: [
    { name: 'layers', type: 'int', low: 1, high: 4 },
    {
      name: 'units_3',
      type: 'int',
      low: 8,
      high: 128,
      step: 8,
      when: { param: 'layers', op: 'gte', value: 3 },
    },
    { name: 'lr', type: 'logfloat', low: 1e-5, high: 1 },
  ],
};
const messages = (space: SearchSpace, budget = 10, knownParams?: string[]): string[] =>
  validateTuning({ space, budget, knownParams }).map((i) => i.message);

describe('validateTuning', () => {
  it('accepts a good request', () => {
    expect(
      validateTuning({ space: good, budget: 20, knownParams: ['layers', 'units_3', 'lr', 'epochs'] }),
    ).toEqual([]);
  });

  it('reports an empty search space', () => {
    expect(messages({ params: [] })).toEqual([
      'The search space is empty: add at least one parameter to tune.',
    ]);
  });

  it('reports min > max, and a log range with min <= 0', () => {
    expect(messages({ params: [{ name: 'dropout', type: 'float', low: 0.5, high: 0.1 }] })).toEqual([
      'Parameter "dropout": min (0.5) is greater than max (0.1).',
    ]);
    expect(messages({ params: [{ name: 'lr', type: 'logfloat', low: 0, high: 0.1 }] })).toEqual([
      'Parameter "lr": a log range needs min > 0 (got 0).',
    ]);
    expect(messages({ params: [{ name: 'lr', type: 'logfloat', low: -1, high: -2 }] })).toEqual([
      'Parameter "lr": min (-1) is greater than max (-2).',
      'Parameter "lr": a log range needs min > 0 (got -1).',
    ]);
  });

  it('reports a budget of 0, a negative one and a fractional one', () => {
    expect(messages(good, 0)).toEqual(['The budget must be at least 1 trial (got 0).']);
    expect(messages(good, -3)).toEqual(['The budget must be at least 1 trial (got -3).']);
    expect(messages(good, 2.5)).toEqual(['The budget must be a whole number of trials (got 2.5).']);
  });

  it('reports a parameter the model does not have, listing the known settings', () => {
    const space: SearchSpace = { params: [{ name: 'momentum', type: 'float', low: 0, high: 1 }] };
    expect(messages(space, 10, ['lr', 'epochs', 'batch_size'])).toEqual([
      'Parameter "momentum" is not a setting of this model or of training, so tuning it would change nothing. Known settings: batch_size, epochs, lr.',
    ]);
  });

  it('reports bad steps, integer ranges, choices and conditions', () => {
    expect(
      messages({
        params: [
          { name: 'a', type: 'int', low: 1.5, high: 4 },
          { name: 'b', type: 'float', low: 0, high: 1, step: 0 },
          { name: 'c', type: 'choice', choices: [] },
          { name: 'd', type: 'int', low: 1, high: 2, when: { param: 'zz', op: 'eq', value: 1 } },
          { name: 'e', type: 'int', low: 1, high: 2, when: { param: 'c', op: 'gte', value: 1 } },
          { name: 'a', type: 'int', low: 1, high: 2 },
        ],
      }),
    ).toEqual([
      'Parameter "a": an integer range needs whole-number min and max (got 1.5 and 4).',
      'Parameter "b": the step must be greater than 0 (got 0).',
      'Parameter "c" has no choices: add at least one.',
      'Parameter "d" depends on "zz", which is not a parameter listed before it.',
      'Parameter "e": the condition "gte" compares numbers, but "c" is not numeric or the value is not a number.',
      'Parameter "a" is listed twice.',
    ]);
  });
});

describe('conditions', () => {
  it('activate a parameter only when the condition on an earlier one holds', () => {
    const units = good.params[1]!;
    expect(isActive(units, { layers: 2 })).toBe(false);
    expect(isActive(units, { layers: 3 })).toBe(true);
    expect(isActive(units, {})).toBe(false);
    expect(conditionHolds({ param: 'k', op: 'in', value: ['a', 'b'] }, { k: 'b' })).toBe(true);
    expect(conditionHolds({ param: 'k', op: 'ne', value: 'a' }, { k: 'a' })).toBe(false);
  });
});
