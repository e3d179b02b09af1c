import { Select, Text, Textarea } from '@mantine/core';
import { urgencyValues } from '@vanban/contracts';
import type { Urgency } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionDialog } from '../incoming/ActionDialog';
import type { FormFeedback } from '../incoming/problems';
import { useOutgoingDialogAction } from './dialogAction';
import { outgoingFeedback } from './problems';
import { useReplaceOutgoing } from './queries';
import type { DialogProps } from './SimpleDialogs';

/** Đính chính: a corrected subject and/or urgency of an issued document, with the reason. */
export function CorrectDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { action, feedback, setFeedback, run } = useOutgoingDialogAction(detail.id, onClose, [
    'subject',
    'urgency',
    'reason',
  ] as const);
  const [subject, setSubject] = useState(detail.subject);
  const [urgency, setUrgency] = useState<Urgency>(detail.urgency);
  const [reason, setReason] = useState('');
  const message = (field: 'subject' | 'urgency' | 'reason') => {
    const key = feedback?.fields[field];
    return key ? t(key) : undefined;
  };

  const submit = () => {
    const fields: FormFeedback<'subject' | 'urgency' | 'reason'>['fields'] = {};
    if (subject.trim() === '') fields.subject = 'forms.required';
    if (reason.trim() === '') fields.reason = 'forms.required';
    if (subject.trim() === detail.subject && urgency === detail.urgency) {
      fields.subject = 'outgoing.correct.nothingChanged';
    }
    if (Object.keys(fields).length > 0) {
      setFeedback({ fields });
      return;
    }
    run('correct', {
      ...(subject.trim() !== detail.subject ? { subject: subject.trim() } : {}),
      ...(urgency !== detail.urgency ? { urgency } : {}),
      reason: reason.trim(),
    });
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('outgoing.correct.title')}
      submitLabel={t('outgoing.correct.confirm')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="correct-dialog"
    >
      <Text size="sm">{t('outgoing.correct.intro')}</Text>
      <Textarea
        label={t('outgoing.fields.subject')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={subject}
        onChange={(event) => {
          setSubject(event.currentTarget.value);
        }}
        error={message('subject')}
        data-autofocus
      />
      <Select
        label={t('outgoing.fields.urgency')}
        allowDeselect={false}
        data={urgencyValues.map((value) => ({ value, label: t(`incoming.urgency.${value}`) }))}
        value={urgency}
        onChange={(value) => {
          const next = urgencyValues.find((item) => item === value);
          if (next) setUrgency(next);
        }}
        error={message('urgency')}
        comboboxProps={{ withinPortal: true }}
        maw={320}
      />
      <Textarea
        label={t('outgoing.correct.reason')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
        }}
        error={message('reason')}
      />
    </ActionDialog>
  );
}

/** Thay thế: a new draft that replaces this document; the user lands on it. */
export function ReplaceDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const replace = useReplaceOutgoing(detail.id);
  const [feedback, setFeedback] = useState<FormFeedback<never> | null>(null);
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('outgoing.replace.title')}
      submitLabel={t('outgoing.replace.confirm')}
      onSubmit={() => {
        if (replace.isPending) return;
        setFeedback(null);
        replace.mutate(undefined, {
          onSuccess: ({ id }) => {
            onClose();
            void navigate(`/outgoing/${id}`, { state: { created: true } });
          },
          onError: (error) => {
            setFeedback(outgoingFeedback(error, [] as const));
          },
        });
      }}
      pending={replace.isPending}
      feedback={feedback}
      error={replace.error}
      testId="replace-dialog"
    >
      <Text size="sm">{t('outgoing.replace.intro', { reference: detail.reference ?? '' })}</Text>
    </ActionDialog>
  );
}
