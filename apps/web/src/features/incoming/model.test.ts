import { describe, expect, it } from 'vitest';
import {
  defaultView,
  dueStatus,
  formatNumber,
  notificationKindKey,
  parseActions,
  urgencyBadge,
  viewFromSlug,
  viewPath,
  visibleViews,
} from './model';

describe('views', () => {
  it('round-trips views through URL segments', () => {
    expect(viewPath('to_handle')).toBe('/incoming/to-handle');
    expect(viewFromSlug('for-information')).toBe('for_information');
    expect(viewFromSlug('new')).toBeUndefined();
    expect(viewFromSlug(undefined)).toBeUndefined();
  });

  it('offers the inboxes of the roles, the common ones, and any that holds documents', () => {
    expect(visibleViews(new Set(['clerk']))).toEqual([
      'to_register',
      'for_information',
      'overdue',
      'all',
    ]);
    expect(visibleViews(new Set(['specialist']), { to_direct: 0, to_register: 2 })).toEqual([
      'to_register',
      'to_handle',
      'co_handling',
      'for_information',
      'overdue',
      'all',
    ]);
  });

  it('lands each role on its own inbox', () => {
    expect(defaultView(new Set(['clerk', 'specialist']))).toBe('to_register');
    expect(defaultView(new Set(['deputy']))).toBe('to_direct');
    expect(defaultView(new Set(['unit_head']))).toBe('to_handle');
    expect(defaultView(new Set(['admin']))).toBe('all');
  });
});

describe('marks', () => {
  it('marks hỏa tốc, thượng khẩn and khẩn in red, normal not at all', () => {
    expect(urgencyBadge('flash')).toEqual({ color: 'red', variant: 'filled' });
    expect(urgencyBadge('top_urgent')).toEqual({ color: 'red', variant: 'filled' });
    expect(urgencyBadge('urgent')).toEqual({ color: 'red', variant: 'light' });
    expect(urgencyBadge('normal')).toBeNull();
  });

  it('tells overdue from due soon', () => {
    expect(dueStatus({ dueDate: null, overdue: false, dueSoon: false })).toBe('none');
    expect(dueStatus({ dueDate: '2026-03-01', overdue: true, dueSoon: false })).toBe('overdue');
    expect(dueStatus({ dueDate: '2026-03-01', overdue: false, dueSoon: true })).toBe('soon');
    expect(dueStatus({ dueDate: '2026-03-01', overdue: false, dueSoon: false })).toBe('normal');
  });

  it('writes numbers below 10 with a leading zero', () => {
    expect(formatNumber(1)).toBe('01');
    expect(formatNumber(10)).toBe('10');
    expect(formatNumber(null)).toBe('');
  });

  it('turns notification kinds into message keys', () => {
    expect(notificationKindKey('incoming.assigned.co_handler')).toBe(
      'incoming_assigned_co_handler',
    );
  });
});

describe('actions', () => {
  it('reads document and assignment actions and ignores unknown ones', () => {
    expect(
      parseActions(['comment', 'submit', 'start:a1', 'attach:a1', 'reassign:a2', 'fly', 'start:']),
    ).toEqual({
      document: ['comment', 'submit'],
      assignment: [
        { kind: 'start', assignmentId: 'a1' },
        { kind: 'attach', assignmentId: 'a1' },
        { kind: 'reassign', assignmentId: 'a2' },
      ],
    });
  });
});
