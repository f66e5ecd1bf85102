import { describe, expect, it } from 'vitest';
import { remaining, rowsOf, textsOf, valuesOf } from './forms';

describe('rowsOf', () => {
  it('drops blank fields of each row and rows left empty', () => {
    expect(rowsOf([{ dueOn: '2026-03-01', amount: '100', condition: '' }, {}, undefined, { amount: null }]))
      .toEqual([{ dueOn: '2026-03-01', amount: '100' }]);
    expect(rowsOf(undefined)).toBeUndefined();
  });
});

describe('textsOf', () => {
  it('keeps the texts given, trimmed', () => {
    expect(textsOf([' 鼓民〔2026〕12号 ', '', undefined, '  '])).toEqual(['鼓民〔2026〕12号']);
  });
});

describe('remaining', () => {
  it('subtracts in fen, exactly', () => {
    expect(remaining('150000.00', null)).toBe('150000.00');
    expect(remaining('150000.00', '50000.5')).toBe('99999.50');
    expect(remaining('0.30', '0.1')).toBe('0.20');
    expect(remaining('100.00', '120.00')).toBe('0.00');
  });
});

describe('valuesOf', () => {
  it('gives the values once the rules pass, and null rather than a rejection when they do not', async () => {
    expect(await valuesOf({ validateFields: async () => ({ name: '刘洋' }) })).toEqual({ name: '刘洋' });
    expect(await valuesOf({ validateFields: () => Promise.reject({ errorFields: [{ name: ['name'] }] }) })).toBeNull();
  });

  it('checks again when another check overtook this one without finding anything wrong', async () => {
    let calls = 0;
    const form = {
      validateFields: async () => {
        calls += 1;
        if (calls === 1) throw { errorFields: [], outOfDate: true };
        return { stage: 'PLANNING' };
      },
    };
    expect(await valuesOf(form)).toEqual({ stage: 'PLANNING' });
    expect(calls).toBe(2);
  });
});
