import { describe, expect, it } from 'vitest';
import { isMissingToken, parseNumber } from './numbers';
import { mulberry32, randInt } from '../random';

describe('parseNumber', () => {
  it('plain numbers equal Number()', () => {
    for (const s of [
      '0',
      '-0.5',
      '+3',
      '1.77e-05',
      '4.42E-06',
      '.25',
      '5.',
      '123456789012345',
      '0.1',
      '-5.444',
      ' 42 ',
      '1234567890123456789',
      '0.000000000000000000001',
    ])
      expect(parseNumber(s, false)).toBe(Number(s));
  });
  it('exponents equal Number() exactly (random mantissas and powers, seeded)', () => {
    const rng = mulberry32(5);
    for (let k = 0; k < 20000; k++) {
      const digits = String(randInt(rng, 1e9)).padStart(1 + randInt(rng, 9), '0');
      const dot = randInt(rng, digits.length + 1);
      const mant = `${digits.slice(0, dot)}.${digits.slice(dot)}`.replace(/^\.$/, '0');
      const exp = `${rng() < 0.5 ? 'e' : 'E'}${['', '+', '-'][randInt(rng, 3)]}${String(randInt(rng, 40)).padStart(randInt(rng, 3), '0')}`;
      const t = `${rng() < 0.3 ? '-' : ''}${mant}${exp}`;
      expect(parseNumber(t, false)).toBe(Number(t));
    }
    for (const t of ['1e', '1e+', 'e5', '1e5x', '1e00005', '2.5e-400', '9e400'])
      expect(parseNumber(t, false)).toBe(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN);
  });
  it('thousands separators in groups of three', () => {
    expect(parseNumber('1,021', false)).toBe(1021);
    expect(parseNumber('-12,345,678.5', false)).toBe(-12345678.5);
    expect(parseNumber('1,02', false)).toBeNaN();
    expect(parseNumber('1234,567', false)).toBeNaN();
    expect(parseNumber('1,0210', false)).toBeNaN();
  });
  it('decimal comma mode: "3,50" is 3.5, "1.234,5" is 1234.5', () => {
    expect(parseNumber('3,50', true)).toBe(3.5);
    expect(parseNumber('-1,25', true)).toBe(-1.25);
    expect(parseNumber('1.234,5', true)).toBe(1234.5);
    expect(parseNumber('1,5e3', true)).toBe(1500);
  });
  it('rejects what Number() wrongly accepts', () => {
    for (const s of ['', ' ', '0x1F', 'Infinity', '1e', '-', '.', '12abc', 'BPM110', '1 000', '--1'])
      expect(parseNumber(s, false)).toBeNaN();
  });
  it('missing tokens', () => {
    for (const s of ['', 'NA', 'n/a', 'NaN', 'null', 'None', '-', '?']) expect(isMissingToken(s)).toBe(true);
    for (const s of ['0', 'x', 'nothing']) expect(isMissingToken(s)).toBe(false);
  });
});
