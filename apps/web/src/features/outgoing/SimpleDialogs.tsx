import { Textarea } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import { useOutgoingDialogAction } from './dialogAction';

export interface DialogProps {
  detail: OutgoingDetail;
  onClose: () => void;
}

/**
 * A dialog with one mandatory text: return to the drafter (`review`, approve false + comment) or
 * revoke (`revoke`, reason).
 */
export function ReasonDialog({
  detail,
  onClose,
  kind,
}: DialogProps & { kind: 'return' | 'revoke' }) {
  const { t } = useTranslation();
  const bodyKey = kind === 'return' ? 'comment' : 'reason';
  const { action, feedback, setFeedback, run } = useOutgoingDialogAction(detail.id, onClose, [
    bodyKey,
  ] as const);
  const [text, setText] = useState('');
  const max = kind === 'return' ? 4000 : 2000;

  const submit = () => {
    const value = text.trim();
    if (value === '') {
      setFeedback({
        fields: kind === 'return' ? { comment: 'forms.required' } : { reason: 'forms.required' },
      });
      return;
    }
    if (kind === 'return') run('review', { approve: false, comment: value });
    else run('revoke', { reason: value });
  };
  const key = feedback?.fields[bodyKey];

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(`outgoing.${kind}.title`)}
      submitLabel={t(`outgoing.${kind}.confirm`)}
      submitColor="red"
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId={`${kind}-dialog`}
    >
      <Textarea
        label={t(`outgoing.${kind}.label`)}
        description={t(`outgoing.${kind}.hint`)}
        required
        autosize
        minRows={3}
        maxLength={max}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
        error={key ? t(key) : undefined}
        data-autofocus
        data-testid="dialog-text"
      />
    </ActionDialog>
  );
}

/** The reviewer agrees, with an optional comment for the drafter. */
export function ApproveDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { action, feedback, run } = useOutgoingDialogAction(detail.id, onClose, [
    'comment',
  ] as const);
  const [comment, setComment] = useState('');
  const key = feedback?.fields.comment;
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('outgoing.approve.title')}
      submitLabel={t('outgoing.approve.confirm')}
      submitColor="green"
      onSubmit={() => {
        const value = comment.trim();
        run('review', { approve: true, ...(value ? { comment: value } : {}) });
      }}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="approve-dialog"
    >
      <Textarea
        label={t('outgoing.approve.label')}
        description={t('outgoing.approve.hint')}
        autosize
        minRows={2}
        maxLength={4000}
        value={comment}
        onChange={(event) => {
          setComment(event.currentTarget.value);
        }}
        error={key ? t(key) : undefined}
        data-autofocus
        data-testid="dialog-text"
      />
    </ActionDialog>
  );
}

/** A step with nothing to fill in (number, seal, issue): what will happen, then confirm. */
export function ConfirmDialog({
  detail,
  onClose,
  kind,
  children,
}: DialogProps & { kind: 'number' | 'seal' | 'issue' | 'sign'; children?: ReactNode }) {
  const { t } = useTranslation();
  const { action, feedback, run } = useOutgoingDialogAction(detail.id, onClose, [] as const);
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(`outgoing.${kind}.title`)}
      submitLabel={t(`outgoing.${kind}.confirm`)}
      onSubmit={() => {
        run(kind, {});
      }}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId={`${kind}-dialog`}
    >
      {children}
    </ActionDialog>
  );
}
