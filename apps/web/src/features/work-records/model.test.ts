import { describe, expect, test } from 'vitest';
import { ApiError } from '../../app/api';
import { closeProblems, isNotation, parseRetention, recentYears } from './model';

describe('work records model', () => {
  test('the close refusal lists the server problems', () => {
    const error = new ApiError({
      status: 422,
      code: 'records.close_incomplete',
      title: 'Incomplete',
      errors: [
        {
          path: 'items.1',
          code: 'records.item_not_completed',
          message: 'Văn bản 1 chưa xử lý xong',
        },
        {
          path: 'endDate',
          code: 'records.metadata_missing',
          message: 'Chưa có thời gian kết thúc',
        },
      ],
    });
    expect(closeProblems(error)).toEqual([
      'Văn bản 1 chưa xử lý xong',
      'Chưa có thời gian kết thúc',
    ]);
    expect(
      closeProblems(new ApiError({ status: 409, code: 'records.locked', title: 'x' })),
    ).toBeNull();
    expect(closeProblems(new Error('x'))).toBeNull();
  });

  test('retention: empty is permanent, else 1–99 years', () => {
    expect(parseRetention('')).toBe('permanent');
    expect(parseRetention(' 10 ')).toBe(10);
    expect(parseRetention('0')).toBeNull();
    expect(parseRetention('100')).toBeNull();
    expect(parseRetention('năm')).toBeNull();
  });

  test('notation and years', () => {
    expect(isNotation('01.TCCB')).toBe(true);
    expect(isNotation('Đ-01')).toBe(true);
    expect(isNotation('01..TCCB')).toBe(false);
    expect(isNotation('01 TCCB')).toBe(false);
    expect(recentYears(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });
});
