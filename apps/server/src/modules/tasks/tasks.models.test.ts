import { describe, expect, it } from 'vitest';
import { builtinCalendarDays, WorkingCalendar } from '../calendar/index.js';
import { deadlineItemOf, SECRET_TASK_TITLE } from './tasks.deadlines.js';
import {
  atLeastAsSecret,
  checkDueDate,
  depthAfterMove,
  dueDateFrom,
  isOverdue,
  isReportMissing,
  nextTaskState,
  rolledUpProgress,
  validateProgress,
  wouldCreateCycle,
} from './tasks.models.js';
import { availableTaskActions, type TaskFacts } from './tasks.policies.js';

const calendar = new WorkingCalendar(
  [2025, 2026, 2027].flatMap((y) => builtinCalendarDays[y] ?? []),
);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('task progress', () => {
  it('accepts whole numbers from 0 to 100 and nothing else (422 tasks.invalid_progress)', () => {
    expect(validateProgress(0)).toBe(0);
    expect(validateProgress(100)).toBe(100);
    expect(validateProgress(37)).toBe(37);
    for (const bad of [-1, 101, 150, 12.5, Number.NaN, Infinity, '50', null])
      expect(codeOf(() => validateProgress(bad))).toBe('tasks.invalid_progress');
  });

  it('rolls up as the mean of the sub-tasks that were not cancelled, rounded down', () => {
    const open = { state: 'in_progress' as const, reportedProgress: 10 };
    expect(
      rolledUpProgress(open, [
        { state: 'in_progress', progress: 60 },
        { state: 'assigned', progress: 20 },
      ]),
    ).toBe(40);
    // 100 + 100 + 99 = 299 / 3 = 99.67: shown as 99 until every part is done.
    expect(
      rolledUpProgress(open, [
        { state: 'completed', progress: 100 },
        { state: 'in_progress', progress: 100 },
        { state: 'in_progress', progress: 99 },
      ]),
    ).toBe(99);
    // A cancelled sub-task does not count, whatever its progress.
    expect(
      rolledUpProgress(open, [
        { state: 'in_progress', progress: 30 },
        { state: 'cancelled', progress: 0 },
      ]),
    ).toBe(30);
    // A completed sub-task counts as 100 even if its stored progress lagged.
    expect(
      rolledUpProgress(open, [
        { state: 'completed', progress: 80 },
        { state: 'assigned', progress: 0 },
      ]),
    ).toBe(50);
  });

  it("falls back to the owner's own report without (counted) sub-tasks; completed is 100", () => {
    expect(rolledUpProgress({ state: 'in_progress', reportedProgress: 45 }, [])).toBe(45);
    expect(
      rolledUpProgress({ state: 'in_progress', reportedProgress: 45 }, [
        { state: 'cancelled', progress: 90 },
      ]),
    ).toBe(45);
    expect(
      rolledUpProgress({ state: 'completed', reportedProgress: 45 }, [
        { state: 'in_progress', progress: 10 },
      ]),
    ).toBe(100);
  });

  it('rolls a commune → department → city chain up level by level', () => {
    // Commune task split in two units: 60 and 20 → 40. Department task: the commune's 40 and its
    // own unit's 70 → 55. City task: the department's 55 alone → 55.
    const commune = rolledUpProgress({ state: 'in_progress', reportedProgress: 0 }, [
      { state: 'in_progress', progress: 60 },
      { state: 'in_progress', progress: 20 },
    ]);
    const department = rolledUpProgress({ state: 'in_progress', reportedProgress: 0 }, [
      { state: 'in_progress', progress: commune },
      { state: 'in_progress', progress: 70 },
    ]);
    const city = rolledUpProgress({ state: 'assigned', reportedProgress: 0 }, [
      { state: 'in_progress', progress: department },
    ]);
    expect([commune, department, city]).toEqual([40, 55, 55]);
  });
});

describe('task cascades', () => {
  it('detects a task becoming its own ancestor', () => {
    // root ← a ← b ← c (c's ancestors: b, a, root)
    expect(wouldCreateCycle('a', 'a', [])).toBe(true);
    expect(wouldCreateCycle('a', 'c', ['b', 'a', 'root'])).toBe(true);
    expect(wouldCreateCycle('a', 'b', ['a', 'root'])).toBe(true);
    expect(wouldCreateCycle('c', 'a', ['root'])).toBe(false);
    expect(wouldCreateCycle('x', 'c', ['b', 'a', 'root'])).toBe(false);
  });

  it('computes the depth a moved subtree reaches', () => {
    expect(depthAfterMove(null, 0)).toBe(0);
    expect(depthAfterMove(0, 0)).toBe(1);
    expect(depthAfterMove(2, 2)).toBe(5);
  });

  it('keeps a sub-task at least as secret as its parent', () => {
    expect(atLeastAsSecret('normal', undefined)).toBe('normal');
    expect(atLeastAsSecret('secret', 'normal')).toBe('secret');
    expect(atLeastAsSecret('confidential', 'top_secret')).toBe('top_secret');
  });
});

describe('task state machine', () => {
  it('starts, reports, completes and cancels only open tasks', () => {
    expect(nextTaskState('assigned', 'start')).toBe('in_progress');
    expect(nextTaskState('assigned', 'report')).toBe('in_progress');
    expect(nextTaskState('in_progress', 'complete')).toBe('completed');
    expect(nextTaskState('in_progress', 'cancel')).toBe('cancelled');
    expect(codeOf(() => nextTaskState('in_progress', 'start'))).toBe('tasks.invalid_transition');
    expect(codeOf(() => nextTaskState('completed', 'report'))).toBe('tasks.invalid_transition');
    expect(codeOf(() => nextTaskState('cancelled', 'complete'))).toBe('tasks.invalid_transition');
    expect(codeOf(() => nextTaskState('completed', 'edit'))).toBe('tasks.invalid_transition');
  });

  it('derives overdue from the due date of open tasks', () => {
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ state: 'completed', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ state: 'assigned', dueDate: null }, '2030-01-01')).toBe(false);
  });
});

describe('task due dates', () => {
  it('counts N working days after the start, skipping weekends and Tết', () => {
    // Monday 2 March 2026 + 10 working days = Monday 16 March.
    expect(dueDateFrom({ workingDays: 10 }, '2026-03-02', calendar)).toBe('2026-03-16');
    // Friday 13 February 2026 + 1: Tết Bính Ngọ runs to Sunday 22/2, so Monday 23 February.
    expect(dueDateFrom({ workingDays: 1 }, '2026-02-13', calendar)).toBe('2026-02-23');
    expect(dueDateFrom({ date: '2026-04-30' }, '2026-03-02', calendar)).toBe('2026-04-30');
  });

  it('refuses a due date before the start or in the past', () => {
    expect(codeOf(() => checkDueDate('2026-03-01', '2026-03-02', '2026-03-02', 'body.due'))).toBe(
      'tasks.due_date_invalid',
    );
    expect(codeOf(() => checkDueDate('2026-03-03', '2026-02-01', '2026-03-04', 'body.due'))).toBe(
      'tasks.due_date_invalid',
    );
    expect(() => checkDueDate('2026-03-02', '2026-03-02', '2026-03-02', 'body.due')).not.toThrow();
  });
});

describe('periodic reports', () => {
  const base = { state: 'in_progress' as const, startDate: '2026-03-02' };
  it('flags a weekly report missing after 7 days and a monthly one after a month', () => {
    const now = new Date('2026-03-10T03:00:00Z');
    expect(isReportMissing({ ...base, reportPeriod: 'weekly', lastReportAt: null }, now)).toBe(
      true,
    );
    expect(
      isReportMissing(
        { ...base, reportPeriod: 'weekly', lastReportAt: new Date('2026-03-05T03:00:00Z') },
        now,
      ),
    ).toBe(false);
    expect(isReportMissing({ ...base, reportPeriod: 'monthly', lastReportAt: null }, now)).toBe(
      false,
    );
    expect(
      isReportMissing(
        { ...base, reportPeriod: 'monthly', lastReportAt: null },
        new Date('2026-04-03T03:00:00Z'),
      ),
    ).toBe(true);
    expect(isReportMissing({ ...base, reportPeriod: null, lastReportAt: null }, now)).toBe(false);
    expect(
      isReportMissing(
        { ...base, state: 'completed', reportPeriod: 'weekly', lastReportAt: null },
        now,
      ),
    ).toBe(false);
  });
});

describe('task actions', () => {
  const scope = {
    userIds: ['u-head'],
    unitIds: ['unit-1'],
    headUnitIds: ['unit-1'],
    clerkAgencyIds: [],
    leaderAgencyIds: [],
    headAgencyIds: [],
    agencyWideIds: [],
  };
  const task: TaskFacts = {
    agencyId: 'city',
    state: 'assigned',
    depth: 1,
    assignedBy: 'u-leader',
    assigningLeaderId: 'u-leader',
    ownerAgencyId: 'dept',
    ownerUnitId: 'unit-1',
    ownerUserId: null,
  };
  it('lets the owner unit head work on the task but not cancel or change it', () => {
    const actions = availableTaskActions(scope, task, { hasOpenSubtasks: false });
    expect(actions).toEqual(
      expect.arrayContaining(['assign', 'start', 'report', 'complete', 'create_subtask']),
    );
    expect(actions).not.toContain('cancel');
    expect(actions).not.toContain('update');
    expect(availableTaskActions(scope, task, { hasOpenSubtasks: true })).not.toContain('complete');
  });
  it('lets the issuer change and cancel, not report', () => {
    const issuer = { ...scope, userIds: ['u-leader'], unitIds: [], headUnitIds: [] };
    const actions = availableTaskActions(issuer, task, { hasOpenSubtasks: false });
    expect(actions).toEqual(expect.arrayContaining(['update', 'assign', 'cancel', 'set_parent']));
    expect(actions).not.toContain('report');
  });
});

describe('task deadline items', () => {
  const row = {
    id: 't1',
    owner_agency_id: 'a1',
    title: 'Rà soát thủ tục hành chính',
    secrecy: 'normal',
    due_date: '2026-03-10',
    urgency: 'urgent' as const,
    assignee_ids: ['u1', 'u1', 'u2'],
    escalate_to_ids: ['leader'],
  };
  it('names the task, its assignees once each and the leader to escalate to', () => {
    expect(deadlineItemOf(row)).toEqual({
      subject: { type: 'task', id: 't1' },
      key: 't1',
      agencyId: 'a1',
      title: 'Rà soát thủ tục hành chính',
      dueDate: '2026-03-10',
      urgency: 'urgent',
      assigneeIds: ['u1', 'u2'],
      escalateToIds: ['leader'],
    });
  });
  it('keeps the title of a confidential task out of reminders', () => {
    expect(deadlineItemOf({ ...row, secrecy: 'secret' }).title).toBe(SECRET_TASK_TITLE);
  });
});
