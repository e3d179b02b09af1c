import { Button, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { IconPlus, IconSignature } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import { personLabel, usePeople } from '../people/people';
import { useOutgoingDialogAction } from './dialogAction';
import {
  addStep,
  defaultSteps,
  maxSteps,
  moveStep,
  removeStep,
  setReviewers,
  stepProblems,
  stepsFromLatestRound,
  submitBody,
} from './reviewSteps';
import type { StepDraft } from './reviewSteps';
import { ReviewStepEditor } from './ReviewStepEditor';
import type { DialogProps } from './SimpleDialogs';

/**
 * The drafter builds the review chain: steps in order, reviewers of a step in parallel. It starts
 * from the previous round's chain, or the head of the drafter's unit; the signer is not a
 * reviewer — the chain ends with them signing.
 */
export function SubmitDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { action, feedback, setFeedback, run } = useOutgoingDialogAction(
    detail.id,
    onClose,
    ['steps', 'note'] as const,
    { [errorCodes.outgoingReviewerInvalid]: 'steps' },
  );
  const unitId = detail.drafterUnit?.id;
  const everyone = usePeople({ agencyId: detail.agency.id });
  const heads = usePeople(
    { agencyId: detail.agency.id, unitId, roles: ['unit_head'] },
    unitId !== undefined,
  );
  const [steps, setSteps] = useState<StepDraft[] | null>(null);
  const [note, setNote] = useState('');
  const people = { drafterId: detail.drafter.id, signerId: detail.signer.id };
  const previous = stepsFromLatestRound(detail.reviewSteps, people);
  const headIds = heads.data?.map((person) => person.id);

  // The starting chain, once the unit heads are known.
  useEffect(() => {
    if (steps !== null) return;
    if (previous.length > 0) setSteps(previous);
    else if (unitId === undefined) setSteps([]);
    else if (headIds) setSteps(defaultSteps(headIds, people));
    else if (heads.isError) setSteps([]);
  });

  const problems = stepProblems(steps ?? [], people);
  const options = (everyone.data ?? [])
    .filter((person) => person.id !== people.signerId && person.id !== people.drafterId)
    .map((person) => ({ value: person.id, label: personLabel(person) }));
  const change = (next: StepDraft[]) => {
    setSteps(next);
    setFeedback(null);
  };

  const submit = () => {
    if (!steps) return;
    if (problems.size > 0) {
      setFeedback({ fields: { steps: 'outgoing.submit.fixSteps' } });
      return;
    }
    run('submit', submitBody(steps, note));
  };
  const stepsError = feedback?.fields.steps;

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('outgoing.submit.title')}
      submitLabel={t('outgoing.submit.confirm')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      disabled={steps === null}
      testId="submit-dialog"
    >
      <Text size="sm">{t('outgoing.submit.intro')}</Text>
      {steps === null ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (
        <Stack gap="sm" data-testid="review-steps">
          {steps.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('outgoing.submit.noSteps')}
            </Text>
          )}
          {steps.map((step, index) => (
            <ReviewStepEditor
              key={step.key}
              step={step}
              n={index + 1}
              last={index === steps.length - 1}
              options={options}
              loading={everyone.isPending}
              problem={problems.get(step.key)}
              onReviewers={(ids) => {
                change(setReviewers(steps, step.key, ids));
              }}
              onMove={(by) => {
                change(moveStep(steps, step.key, by));
              }}
              onRemove={() => {
                change(removeStep(steps, step.key));
              }}
            />
          ))}
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => {
              change(addStep(steps));
            }}
            disabled={steps.length >= maxSteps}
            style={{ alignSelf: 'flex-start' }}
            data-testid="add-step"
          >
            {t('outgoing.submit.addStep')}
          </Button>
          <Group gap="xs" wrap="nowrap" data-testid="signer-step">
            <IconSignature size={18} aria-hidden="true" style={{ flexShrink: 0 }} />
            <Text size="sm">
              {t('outgoing.submit.signerLast', { name: detail.signer.fullName })}
            </Text>
          </Group>
          {stepsError && (
            <Text size="sm" c="red" role="alert">
              {t(stepsError)}
            </Text>
          )}
        </Stack>
      )}
      <Textarea
        label={t('outgoing.submit.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
      />
    </ActionDialog>
  );
}
