import type { Assignment } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { assignmentTree } from './assignments';

function assignment(id: string, role: Assignment['role'], parentId: string | null, at: string) {
  return {
    id,
    role,
    parentId,
    assignedAt: `2026-03-02T0${at}:00:00.000Z`,
  } as Assignment;
}

describe('assignmentTree', () => {
  it('puts the lead first and re-assignments under their unit', () => {
    const tree = assignmentTree([
      assignment('info', 'for_information', null, '1'),
      assignment('co', 'co_handler', null, '1'),
      assignment('lead', 'lead', null, '1'),
      assignment('lead-2', 'lead', 'lead', '3'),
      assignment('lead-1', 'lead', 'lead', '2'),
      assignment('orphan', 'co_handler', 'missing', '4'),
    ]);
    expect(tree.map((node) => node.assignment.id)).toEqual(['lead', 'co', 'orphan', 'info']);
    expect(tree[0]?.children.map((node) => node.assignment.id)).toEqual(['lead-1', 'lead-2']);
  });
});
