import { describe, expect, it } from 'vitest';
import { documentPath, fieldErrors } from './errors';

describe('fieldErrors', () => {
  it('puts an error on the form field its path names, a list index on the list', () => {
    const { fields, other } = fieldErrors(
      [
        { field: ['input', 'name'], code: 'BAD_USER_INPUT', message: 'required' },
        { field: ['input', 'rooms', '1'], code: 'BAD_USER_INPUT', message: 'spa is not a room' },
        { field: ['input', 'version'], code: 'CONFLICT', message: 'stale' },
        { field: null, code: 'FORBIDDEN', message: 'no' },
      ],
      ['name', 'rooms'],
    );
    expect(fields).toEqual([
      { name: 'name', errors: ['required'] },
      { name: 'rooms', errors: ['spa is not a room'] },
    ]);
    expect(other).toEqual(['version: stale', 'no']);
  });
});

describe('fieldErrors of a form editing lists row by row', () => {
  it('puts an error on the row’s field, the list’s own error on the list, in the console’s language', () => {
    const { fields, other } = fieldErrors(
      [
        { field: ['input', 'tranches[1]', 'amount'], code: 'BAD_USER_INPUT', message: 'an amount must not be negative' },
        { field: ['input', 'tranches', '0', 'dueOn'], code: 'BAD_USER_INPUT', message: 'dueOn must not be in the future' },
        { field: ['input', 'tranches'], code: 'BAD_USER_INPUT', message: 'the tranches add up to 2.00, more than the price 1.00' },
        { field: ['input', 'trancheId'], code: 'BAD_USER_INPUT', message: 'only a PAYMENT pays a contract\'s tranche' },
      ],
      ['price'],
      { lists: ['tranches'], lang: 'zh' },
    );
    expect(fields).toEqual([
      { name: ['tranches', 1, 'amount'], errors: ['金额不能为负数'] },
      { name: ['tranches', 0, 'dueOn'], errors: ['应付日期不能晚于今天'] },
      { name: 'tranches', errors: ['各期付款合计2.00元，超过合同金额1.00元'] },
    ]);
    expect(other).toEqual(['付款节点：只有拨付记录可以对应合同的付款节点']);
  });
});

describe('documentPath', () => {
  it('reads a document error path as the JSON editor shows it', () => {
    expect(documentPath(['input', 'document', 'stationKinds', '0', 'rooms', 'required', '5'])).toBe(
      'stationKinds[0].rooms.required[5]',
    );
    expect(documentPath(['input', 'document'])).toBe('');
    expect(documentPath(null)).toBe('');
  });
});
