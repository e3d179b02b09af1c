import { describe, expect, it } from 'vitest';
import { ApiError, queryString } from './api';

describe('queryString', () => {
  it('keeps defined, non-empty values and repeats arrays', () => {
    expect(
      queryString({ view: 'to_handle', limit: 25, cursor: undefined, q: '', role: ['a', 'b'] }),
    ).toBe('?view=to_handle&limit=25&role=a&role=b');
    expect(queryString({ a: null })).toBe('');
  });
});

describe('ApiError.fromProblem', () => {
  it('keeps the extra members of a problem', () => {
    const error = ApiError.fromProblem(
      { type: 'about:blank', title: 'Duplicate', status: 409, code: 'incoming.duplicate' },
      {
        type: 'about:blank',
        title: 'Duplicate',
        status: 409,
        code: 'incoming.duplicate',
        duplicates: [{ id: 'x' }],
      },
    );
    expect(error.extensions).toEqual({ duplicates: [{ id: 'x' }] });
    expect(error.code).toBe('incoming.duplicate');
  });
});
