import type { Assignment } from '@vanban/contracts';
import type { TFunction } from 'i18next';

/** Who holds an assignment: the person (and their unit), or the unit. */
export function assigneeName(t: TFunction, assignment: Pick<Assignment, 'user' | 'unit'>): string {
  if (assignment.user) {
    return assignment.unit
      ? `${assignment.user.fullName} (${assignment.unit.name})`
      : assignment.user.fullName;
  }
  return assignment.unit?.name ?? t('incoming.assignments.unknown');
}

export interface AssignmentNode {
  assignment: Assignment;
  children: AssignmentNode[];
}

const roleOrder = { lead: 0, co_handler: 1, for_information: 2 } as const;

/**
 * Assignments as a tree: what the leader gave (roots, lead first, then co-handlers, then
 * for-information), and under each what its unit head re-assigned, oldest first.
 */
export function assignmentTree(assignments: readonly Assignment[]): AssignmentNode[] {
  const byParent = new Map<string | null, Assignment[]>();
  const ids = new Set(assignments.map((a) => a.id));
  for (const assignment of assignments) {
    const parent =
      assignment.parentId !== null && ids.has(assignment.parentId) ? assignment.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(assignment);
    byParent.set(parent, list);
  }
  const build = (parent: string | null, depth: number): AssignmentNode[] =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) =>
        depth === 0 && roleOrder[a.role] !== roleOrder[b.role]
          ? roleOrder[a.role] - roleOrder[b.role]
          : a.assignedAt.localeCompare(b.assignedAt),
      )
      .map((assignment) => ({ assignment, children: build(assignment.id, depth + 1) }));
  return build(null, 0);
}
