import { describe, expect, test } from 'vitest';
import { emptyEntryForm, entryBody, entryFormProblems } from './entryForm';

describe('schedule entry form', () => {
  test('an event needs a date, content and a leader', () => {
    const form = emptyEntryForm('2026-11-17');
    expect(entryFormProblems(form)).toEqual(['leaderIds', 'content']);
    expect(entryFormProblems({ ...form, kind: 'on_duty', leaderIds: ['a'] })).toEqual([]);
    expect(entryFormProblems({ ...form, date: null, content: 'Họp', leaderIds: ['a'] })).toEqual([
      'date',
    ]);
  });

  test('the body trims texts, sends empty ones as null and drops a same-day end date', () => {
    const body = entryBody({
      ...emptyEntryForm('2026-11-17'),
      content: '  Họp giao ban  ',
      startTime: '08:00',
      endTime: '10:30',
      endDate: '2026-11-17',
      place: ' ',
      leaderIds: ['a', 'b'],
      public: true,
    });
    expect(body).toEqual({
      kind: 'event',
      date: '2026-11-17',
      startTime: '08:00',
      endDate: null,
      endTime: '10:30',
      content: 'Họp giao ban',
      place: null,
      participants: null,
      leaderIds: ['a', 'b'],
      preparingUnit: null,
      visibility: 'public',
    });
  });

  test('an all-day entry never sends an end time', () => {
    const body = entryBody({
      ...emptyEntryForm('2026-11-16'),
      kind: 'on_duty',
      endDate: '2026-11-22',
      endTime: '17:00',
      leaderIds: ['a'],
    });
    expect(body.startTime).toBeNull();
    expect(body.endTime).toBeNull();
    expect(body.endDate).toBe('2026-11-22');
    expect(body.content).toBeNull();
  });
});
