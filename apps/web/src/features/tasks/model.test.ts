import { describe, expect, test } from 'vitest';
import { ownerInput, ownerLabel, parseProgress } from './model';

describe('tasks model', () => {
  test('progress is a whole number from 0 to 100', () => {
    expect(parseProgress('0')).toBe(0);
    expect(parseProgress(' 45 ')).toBe(45);
    expect(parseProgress('100')).toBe(100);
    expect(parseProgress('101')).toBeNull();
    expect(parseProgress('-5')).toBeNull();
    expect(parseProgress('12.5')).toBeNull();
    expect(parseProgress('')).toBeNull();
  });

  test('the owner follows the kind chosen', () => {
    const base = { agencyId: 'a', unitId: 'u', userId: 'p' };
    expect(ownerInput({ kind: 'agency', ...base })).toEqual({ agencyId: 'a' });
    expect(ownerInput({ kind: 'unit', ...base })).toEqual({ unitId: 'u', userId: 'p' });
    expect(ownerInput({ kind: 'unit', ...base, userId: null })).toEqual({ unitId: 'u' });
    expect(ownerInput({ kind: 'unit', ...base, unitId: null })).toBeNull();
    expect(ownerInput({ kind: 'user', ...base, unitId: null })).toEqual({ userId: 'p' });
    // A person inside a unit (a sub-task of the unit's task stays in the unit).
    expect(ownerInput({ kind: 'user', ...base })).toEqual({ unitId: 'u', userId: 'p' });
    expect(ownerInput({ kind: 'agency', agencyId: null, unitId: null, userId: null })).toBeNull();
  });

  test('owner label', () => {
    expect(
      ownerLabel({
        agency: { name: 'Sở Nội vụ' },
        unit: { name: 'Phòng TCBC' },
        user: { fullName: 'Nguyễn Văn A' },
      }),
    ).toBe('Phòng TCBC – Sở Nội vụ (Nguyễn Văn A)');
    expect(ownerLabel({ agency: { name: 'Phường Hoàn Kiếm' }, unit: null, user: null })).toBe(
      'Phường Hoàn Kiếm',
    );
  });
});
