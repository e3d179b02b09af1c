import { uuidv7At, type Rng } from '../lib/random.js';
import type { Agency, Person, Unit } from './model.js';
import {
  grantAssignee,
  grant,
  type AssignmentPlan,
  type DocPlan,
  type DocState,
  type EventPlan,
} from './plan.js';
import type { PlanContext } from './lifecycle.js';
import { commentFor, directionFor, resultFor } from './subjects.js';
import type { Timeline, WorkTime } from './timeline.js';

/** The leader's direction and what follows it: assignments, reports, handling, completion. */

/** Professional units (not the office) when there are any. */
function workUnits(a: Agency): Unit[] {
  return a.units.length > 1 ? a.units.slice(1) : a.units;
}

export function planDirection(
  ctx: PlanContext,
  doc: DocPlan,
  rng: Rng,
  p: {
    leader: Person;
    directTime: WorkTime;
    stuck: DocState | null;
    ms: (t: WorkTime, step: number) => number;
  },
): void {
  const tl = ctx.timeline;
  const { leader, directTime, stuck, ms } = p;
  const units = workUnits(doc.agency);
  const leadUnit = units[rng.skewed(units.length, 1.3)] as Unit;
  const direct = leadUnit.members.length > 0 && rng.chance(0.2);
  const specialist = leadUnit.members[rng.skewed(leadUnit.members.length, 1.8)] ?? leadUnit.head;
  const due = doc.dueDate ?? (rng.chance(0.75) ? tl.date(directTime.day + rng.int(5, 20)) : null);
  const directedAt = ms(directTime, 3);
  doc.state = 'assigned';
  doc.direction = directionFor(rng, leadUnit.name);
  doc.directedBy = leader;
  doc.directedAt = directedAt;
  doc.dueDate = due;
  grant(doc, leader.id, true, 'directed');
  const assignment = (
    role: AssignmentPlan['role'],
    unit: Unit | null,
    user: Person | null,
    by: Person,
    at: number,
  ) => {
    const a: AssignmentPlan = {
      id: uuidv7At(at, rng),
      parentId: null,
      role,
      unit,
      user,
      state: 'assigned',
      active: true,
      direction: doc.direction,
      dueDate: role === 'for_information' ? null : due,
      assignedBy: by,
      assignedAt: at,
      readAt: null,
      startedAt: null,
      result: null,
      reportedAt: null,
      completedAt: null,
    };
    doc.assignments.push(a);
    grantAssignee(doc, a);
    return a;
  };
  const lead = assignment('lead', leadUnit, direct ? specialist : null, leader, directedAt);
  const others = units.filter((u) => u !== leadUnit);
  const co = rng
    .sample(
      others,
      rng.weighted([
        [0, 55],
        [1, 33],
        [2, 12],
      ] as const),
    )
    .map((u) => assignment('co_handler', u, null, leader, directedAt));
  const infoCount = rng.weighted([
    [0, 60],
    [1, 30],
    [2, 10],
  ] as const);
  const info = rng
    .sample(
      others.filter((u) => !co.some((c) => c.unit === u)),
      infoCount,
    )
    .map((u) =>
      rng.chance(0.5) || doc.agency.deputies.length === 0
        ? assignment('for_information', u, null, leader, directedAt)
        : assignment('for_information', null, rng.pick(doc.agency.deputies), leader, directedAt),
    );
  doc.events.push({
    at: directedAt,
    type: 'incoming.directed',
    actor: leader,
    subjectType: 'incoming_document',
    subjectId: doc.id,
    data: {
      direction: doc.direction,
      dueDate: due,
      assignments: doc.assignments.map((a) => ({
        id: a.id,
        role: a.role,
        unitId: a.unit?.id ?? null,
        userId: a.user?.id ?? null,
        dueDate: a.dueDate,
      })),
    },
  });
  let handler = lead;
  let t = directTime;
  if (!direct) {
    t = tl.add(directTime, rng.int(10, 700));
    if (!tl.isPast(t)) return;
    const at = ms(t, 4);
    lead.state = 'reassigned';
    lead.active = false;
    lead.readAt = at;
    handler = assignment('lead', leadUnit, specialist, leadUnit.head, at);
    handler.parentId = lead.id;
    handler.direction = `${doc.direction} Giao đồng chí ${specialist.fullName} thực hiện.`;
    doc.events.push(
      docEvent(doc, at, 'incoming.reassigned', leadUnit.head, {
        assignmentId: lead.id,
        newAssignmentId: handler.id,
        toUserId: specialist.id,
      }),
    );
  }
  // Co-handlers report, for-information recipients acknowledge, each on their own time.
  const completeTime = completion(tl, rng, t, due);
  for (const c of co) {
    const rt = tl.add(directTime, rng.int(60, 6000));
    if (tl.isPast(rt) && rng.chance(0.7) && tl.compare(rt, completeTime) < 0) {
      c.state = 'reported';
      c.result = resultFor(rng);
      c.reportedAt = ms(rt, 5);
      c.readAt = c.reportedAt;
      doc.events.push(
        docEvent(doc, c.reportedAt, 'incoming.reported', c.unit?.head ?? leader, {
          assignmentId: c.id,
          files: [],
        }),
      );
    }
  }
  for (const i of info) {
    const at = tl.add(directTime, rng.int(10, 3000));
    if (tl.isPast(at) && rng.chance(0.6)) {
      i.state = 'completed';
      i.readAt = ms(at, 5);
      i.completedAt = i.readAt;
      doc.events.push(
        docEvent(doc, i.readAt, 'incoming.acknowledged', i.user ?? i.unit?.head ?? leader, {
          assignmentId: i.id,
        }),
      );
    }
  }
  if (stuck === 'assigned') return;
  const startTime = tl.add(t, rng.int(10, 1500));
  if (!tl.isPast(startTime)) return;
  const startedAt = ms(startTime, 6);
  doc.state = 'in_progress';
  handler.state = 'in_progress';
  handler.startedAt = startedAt;
  handler.readAt = handler.readAt ?? startedAt;
  doc.events.push(
    docEvent(doc, startedAt, 'incoming.handling_started', handler.user ?? leadUnit.head, {
      assignmentId: handler.id,
    }),
  );
  if (rng.chance(0.08)) {
    const at = startedAt + 600_000;
    const c = {
      id: uuidv7At(at, rng),
      assignmentId: handler.id,
      author: handler.user ?? leadUnit.head,
      body: commentFor(rng),
      createdAt: at,
    };
    doc.comments.push(c);
    doc.events.push(
      docEvent(doc, at, 'incoming.commented', c.author, { commentId: c.id, files: [] }),
    );
  }
  const finish = tl.compare(completeTime, startTime) > 0 ? completeTime : tl.add(startTime, 30);
  if (stuck === 'in_progress' || !tl.isPast(finish)) return;
  const completedAt = Math.max(ms(finish, 8), startedAt + 60_000 * 31);
  doc.state = 'completed';
  doc.result = resultFor(rng);
  doc.completedAt = completedAt;
  doc.completedBy = handler.user ?? leadUnit.head;
  handler.state = 'completed';
  handler.result = doc.result;
  handler.completedAt = completedAt;
  for (const a of doc.assignments)
    if (a.active && a !== handler && (a.state === 'assigned' || a.state === 'in_progress')) {
      a.state = 'completed';
      a.completedAt = completedAt;
    }
  doc.events.push(
    docEvent(doc, completedAt, 'incoming.completed', doc.completedBy, {
      assignmentId: handler.id,
      result: doc.result,
      files: [],
    }),
  );
}

function docEvent(
  doc: DocPlan,
  at: number,
  type: string,
  actor: Person,
  data: Record<string, unknown>,
): EventPlan {
  return { at, type, actor, subjectType: 'incoming_document', subjectId: doc.id, data };
}

/** When the handler finishes: mostly before the due date, some late. */
function completion(tl: Timeline, rng: Rng, from: WorkTime, due: string | null): WorkTime {
  const dueDay = due === null ? -1 : tl.dates.indexOf(due, from.day);
  if (dueDay < 0) return { day: from.day + rng.int(0, 15), minute: rng.int(0, 569) };
  if (rng.chance(0.88))
    return { day: from.day + rng.int(0, Math.max(0, dueDay - from.day)), minute: rng.int(0, 569) };
  return { day: dueDay + rng.int(1, 12), minute: rng.int(0, 569) };
}
