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

describe('documentPath', () => {
  it('reads a document error path as the JSON editor shows it', () => {
    expect(documentPath(['input', 'document', 'stationKinds', '0', 'rooms', 'required', '5'])).toBe(
      'stationKinds[0].rooms.required[5]',
    );
    expect(documentPath(['input', 'document'])).toBe('');
    expect(documentPath(null)).toBe('');
  });
});
