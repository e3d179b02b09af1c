import type { OutgoingDetail, SubmitForReviewBody } from '@vanban/contracts';

/** One step of the review chain being built: its reviewers review in parallel. */
export interface StepDraft {
  key: string;
  reviewerIds: string[];
}

export type StepProblem = 'empty' | 'signer' | 'drafter' | 'repeated';

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `step-${String(counter)}`;
}

/** Limits of `submitForReviewBodySchema`. */
export const maxSteps = 10;
export const maxReviewersPerStep = 20;

/**
 * The chain a drafter starts from: step 1 = the heads of the drafter's unit (the drafter and the
 * signer excluded — a head who drafts goes straight on, the signer signs rather than reviews).
 * No unit head: no step (the drafter may add some, or submit straight to the signer).
 */
export function defaultSteps(
  unitHeadIds: readonly string[],
  people: { drafterId: string; signerId: string },
): StepDraft[] {
  const heads = unique(unitHeadIds).filter(
    (id) => id !== people.drafterId && id !== people.signerId,
  );
  return heads.length > 0 ? [{ key: nextKey(), reviewerIds: heads }] : [];
}

export function addStep(steps: readonly StepDraft[]): StepDraft[] {
  if (steps.length >= maxSteps) return [...steps];
  return [...steps, { key: nextKey(), reviewerIds: [] }];
}

export function removeStep(steps: readonly StepDraft[], key: string): StepDraft[] {
  return steps.filter((step) => step.key !== key);
}

export function setReviewers(
  steps: readonly StepDraft[],
  key: string,
  reviewerIds: readonly string[],
): StepDraft[] {
  return steps.map((step) =>
    step.key === key
      ? { ...step, reviewerIds: unique(reviewerIds).slice(0, maxReviewersPerStep) }
      : step,
  );
}

/** Moves a step up (-1) or down (+1); out of range does nothing. */
export function moveStep(steps: readonly StepDraft[], key: string, by: -1 | 1): StepDraft[] {
  const from = steps.findIndex((step) => step.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/**
 * What is wrong with each step, by key: no reviewer, the signer or the drafter in it, or a
 * reviewer who already reviews in an earlier step. An empty map means the chain can be sent.
 */
export function stepProblems(
  steps: readonly StepDraft[],
  people: { drafterId: string; signerId: string },
): Map<string, StepProblem> {
  const problems = new Map<string, StepProblem>();
  const seen = new Set<string>();
  for (const step of steps) {
    if (step.reviewerIds.length === 0) problems.set(step.key, 'empty');
    else if (step.reviewerIds.includes(people.signerId)) problems.set(step.key, 'signer');
    else if (step.reviewerIds.includes(people.drafterId)) problems.set(step.key, 'drafter');
    else if (step.reviewerIds.some((id) => seen.has(id))) problems.set(step.key, 'repeated');
    for (const id of step.reviewerIds) seen.add(id);
  }
  return problems;
}

export function submitBody(steps: readonly StepDraft[], note: string): SubmitForReviewBody {
  const text = note.trim();
  return {
    steps: steps.map((step) => ({ reviewerIds: [...step.reviewerIds] })),
    ...(text ? { note: text } : {}),
  };
}

type ReviewStep = OutgoingDetail['reviewSteps'][number];

export interface RoundView {
  round: number;
  steps: { position: number; reviewers: ReviewStep[] }[];
}

/** The review history by round (newest first), each round's steps in order. */
export function reviewRounds(reviewSteps: readonly ReviewStep[]): RoundView[] {
  const rounds = new Map<number, Map<number, ReviewStep[]>>();
  for (const step of reviewSteps) {
    const round = rounds.get(step.round) ?? new Map<number, ReviewStep[]>();
    rounds.set(step.round, round);
    round.set(step.position, [...(round.get(step.position) ?? []), step]);
  }
  return [...rounds.entries()]
    .sort(([a], [b]) => b - a)
    .map(([round, positions]) => ({
      round,
      steps: [...positions.entries()]
        .sort(([a], [b]) => a - b)
        .map(([position, reviewers]) => ({ position, reviewers })),
    }));
}

/**
 * Submitting again after a return: the chain of the latest round, same steps and reviewers
 * (including those never asked because the draft came back before their step). The signer's
 * own return is recorded as a last step of the round: the signer is left out, they sign.
 */
export function stepsFromLatestRound(
  reviewSteps: readonly ReviewStep[],
  people: { drafterId: string; signerId: string },
): StepDraft[] {
  const latest = reviewRounds(reviewSteps)[0];
  if (!latest) return [];
  return latest.steps
    .map((step) => ({
      key: nextKey(),
      reviewerIds: unique(
        step.reviewers
          .map((r) => r.reviewer.id)
          .filter((id) => id !== people.signerId && id !== people.drafterId),
      ),
    }))
    .filter((step) => step.reviewerIds.length > 0);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
