import type { OutgoingDetail } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import {
  addStep,
  defaultSteps,
  maxSteps,
  moveStep,
  removeStep,
  reviewRounds,
  setReviewers,
  stepProblems,
  stepsFromLatestRound,
  submitBody,
} from './reviewSteps';

const people = { drafterId: 'drafter', signerId: 'signer' };

describe('defaultSteps', () => {
  it('starts with the heads of the drafter unit as step 1', () => {
    const steps = defaultSteps(['head', 'head2'], people);
    expect(steps.map((step) => step.reviewerIds)).toEqual([['head', 'head2']]);
  });

  it('leaves out the drafter and the signer, and has no step without a head', () => {
    expect(defaultSteps(['drafter'], people)).toEqual([]);
    expect(defaultSteps(['signer', 'head', 'head'], people).map((s) => s.reviewerIds)).toEqual([
      ['head'],
    ]);
    expect(defaultSteps([], people)).toEqual([]);
  });
});

describe('editing steps', () => {
  it('adds, fills, moves and removes steps', () => {
    let steps = defaultSteps(['head'], people);
    steps = addStep(steps);
    const second = steps[1]?.key ?? '';
    steps = setReviewers(steps, second, ['office', 'office', 'deputy']);
    expect(steps.map((s) => s.reviewerIds)).toEqual([['head'], ['office', 'deputy']]);
    steps = moveStep(steps, second, -1);
    expect(steps.map((s) => s.reviewerIds)).toEqual([['office', 'deputy'], ['head']]);
    expect(moveStep(steps, second, -1).map((s) => s.key)).toEqual(steps.map((s) => s.key));
    steps = removeStep(steps, second);
    expect(steps.map((s) => s.reviewerIds)).toEqual([['head']]);
  });

  it('stops at the contract limit of steps', () => {
    let steps = defaultSteps([], people);
    for (let i = 0; i < maxSteps + 3; i += 1) steps = addStep(steps);
    expect(steps).toHaveLength(maxSteps);
  });
});

describe('stepProblems', () => {
  it('flags empty steps, the signer, the drafter and repeated reviewers', () => {
    const steps = [
      { key: 'a', reviewerIds: ['head'] },
      { key: 'b', reviewerIds: [] },
      { key: 'c', reviewerIds: ['signer'] },
      { key: 'd', reviewerIds: ['drafter'] },
      { key: 'e', reviewerIds: ['office', 'head'] },
    ];
    expect(Object.fromEntries(stepProblems(steps, people))).toEqual({
      b: 'empty',
      c: 'signer',
      d: 'drafter',
      e: 'repeated',
    });
  });

  it('accepts a sound chain, and no chain at all', () => {
    expect(stepProblems([{ key: 'a', reviewerIds: ['head', 'head2'] }], people).size).toBe(0);
    expect(stepProblems([], people).size).toBe(0);
  });
});

describe('submitBody', () => {
  it('sends the reviewers per step and a trimmed note only when given', () => {
    const steps = [
      { key: 'a', reviewerIds: ['head'] },
      { key: 'b', reviewerIds: ['office', 'deputy'] },
    ];
    expect(submitBody(steps, '  ')).toEqual({
      steps: [{ reviewerIds: ['head'] }, { reviewerIds: ['office', 'deputy'] }],
    });
    expect(submitBody([], ' Kính trình ')).toEqual({ steps: [], note: 'Kính trình' });
  });
});

type ReviewStep = OutgoingDetail['reviewSteps'][number];
const review = (
  round: number,
  position: number,
  reviewer: string,
  state: ReviewStep['state'],
): ReviewStep => ({
  id: `${String(round)}-${String(position)}-${reviewer}`,
  round,
  position,
  reviewer: { id: reviewer, fullName: reviewer },
  state,
  comment: null,
  decidedAt: null,
});

describe('review history', () => {
  const history = [
    review(1, 1, 'head', 'returned'),
    review(1, 2, 'office', 'cancelled'),
    review(2, 2, 'office', 'pending'),
    review(2, 1, 'head', 'approved'),
    review(2, 2, 'deputy', 'pending'),
  ];

  it('groups by round, newest first, steps in order with their parallel reviewers', () => {
    const rounds = reviewRounds(history);
    expect(rounds.map((r) => r.round)).toEqual([2, 1]);
    expect(
      rounds[0]?.steps.map((s) => [s.position, s.reviewers.map((r) => r.reviewer.id)]),
    ).toEqual([
      [1, ['head']],
      [2, ['office', 'deputy']],
    ]);
  });

  it('starts a new submission from the latest chain, without the signer who returned it', () => {
    expect(stepsFromLatestRound(history, people).map((s) => s.reviewerIds)).toEqual([
      ['head'],
      ['office', 'deputy'],
    ]);
    expect(
      stepsFromLatestRound(
        [
          review(1, 1, 'head', 'returned'),
          review(1, 2, 'office', 'cancelled'),
          review(1, 3, 'signer', 'returned'),
        ],
        people,
      ).map((s) => s.reviewerIds),
    ).toEqual([['head'], ['office']]);
    expect(stepsFromLatestRound([], people)).toEqual([]);
  });
});
