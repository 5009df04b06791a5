import { describe, expect, it } from 'vitest';
import { enumerateGrid, gridValues } from './grid';
import type { SearchSpace } from './space';
import { Study, StudyExhaustedError } from './study';

const space: SearchSpace = {
  params: [
    { name: 'act', type: 'choice', choices: ['relu', 'tanh'] },
    { name: 'layers', type: 'int', low: 2, high: 3 },
    {
      name: 'units_3',
      type: 'int',
      low: 16,
      high: 40,
      step: 12,
      when: { param: 'layers', op: 'gte', value: 3 },
    },
  ],
};

describe('grid search', () => {
  it('enumerates exactly the conditional product, first parameter slowest', () => {
    expect(enumerateGrid(space)).toEqual([
      { act: 'relu', layers: 2 },
      { act: 'relu', layers: 3, units_3: 16 },
      { act: 'relu', layers: 3, units_3: 28 },
      { act: 'relu', layers: 3, units_3: 40 },
      { act: 'tanh', layers: 2 },
      { act: 'tanh', layers: 3, units_3: 16 },
      { act: 'tanh', layers: 3, units_3: 28 },
      { act: 'tanh', layers: 3, units_3: 40 },
    ]);
  });

  it('spaces continuous values evenly (log-evenly for log-floats) and snaps float steps', () => {
    expect(gridValues({ name: 'd', type: 'float', low: 0, high: 0.5 }, 3)).toEqual([0, 0.25, 0.5]);
    const lr = gridValues({ name: 'lr', type: 'logfloat', low: 1e-4, high: 1 }, 5);
    lr.forEach((v, i) => expect(Math.log10(v as number)).toBeCloseTo(-4 + i, 12));
    expect(gridValues({ name: 's', type: 'float', low: 0.1, high: 0.35, step: 0.1 })).toEqual([
      0.1, 0.2, 0.3,
    ]);
  });

  it('hands out every point once through a study, in parallel too, then reports exhaustion', () => {
    const study = Study.create({ space, strategy: { id: 'grid' } });
    const seen = [...study.ask(3), ...study.ask(5)].map((t) => t.params);
    expect(seen).toEqual(enumerateGrid(space));
    expect(() => study.ask()).toThrow(StudyExhaustedError);
  });
});
