import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { kindLabelKey } from './kinds';
import { notificationPath } from './notifications';

/** Kinds the server sends (grep `kind:` / `notifyTask(` in apps/server/src/modules). */
const serverKinds = [
  'reminder.before',
  'reminder.due',
  'reminder.overdue',
  'reminder.escalation',
  'records.archive_due',
  'records.archived',
  'schedule.week_published',
  'task.assigned',
  'task.completed',
  'task.cancelled',
  'task.due_date_changed',
  'task.progress_reported',
  'incoming.assigned.lead',
];

describe('kindLabelKey', () => {
  it.each(serverKinds)('has its own label in both languages for %s', (kind) => {
    const key = kindLabelKey(kind);
    expect(key).not.toBe('notifications.kinds.other');
    const leaf = key.slice('notifications.kinds.'.length) as keyof typeof vi.notifications.kinds;
    expect(vi.notifications.kinds[leaf]).toBeTruthy();
    expect(en.notifications.kinds[leaf]).toBeTruthy();
    expect(vi.notifications.kinds[leaf]).not.toBe(en.notifications.kinds[leaf]);
  });

  it('falls back to the plain label for a kind it does not know', () => {
    expect(kindLabelKey('something.new')).toBe('notifications.kinds.other');
  });
});

describe('notificationPath', () => {
  const at = (type: string, id: string) => notificationPath({ subject: { type, id } });
  const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  it('opens tasks, work records and documents at their pages', () => {
    expect(at('task', id)).toBe(`/tasks/${id}`);
    expect(at('work_record', id)).toBe(`/work-records/${id}`);
    expect(at('incoming_document', id)).toBe(`/incoming/${id}`);
    expect(at('outgoing_document', id)).toBe(`/outgoing/${id}`);
  });

  it('opens the published week of the schedule', () => {
    expect(at('schedule_week', `${id}:2026-W05`)).toBe('/schedule?week=2026-W05');
    expect(at('schedule_week', 'garbled')).toBe('/schedule');
  });

  it('has no page for other subjects', () => {
    expect(at('agency', id)).toBeNull();
  });
});
