import { Alert, Button, Group, List, Radio, Stack, Text, Textarea } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import type { Assignment, IncomingDetail } from '@vanban/contracts';
import {
  IconAlertCircle,
  IconArrowBackUp,
  IconCalendarPlus,
  IconCalendarQuestion,
  IconCheck,
  IconEye,
  IconFileCheck,
  IconGavel,
  IconPaperclip,
  IconPlayerPlay,
  IconReport,
  IconSend,
  IconUserShare,
  IconBook2,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { DateField } from '../../components/DateField';
import { formatIsoDate, toIsoDate } from '../../i18n/format';
import { PersonSelect } from '../people/PersonSelect';
import { ActionDialog } from './ActionDialog';
import { assigneeName } from './assignments';
import { DirectDialog } from './DirectDialog';
import { FileDrop, useUploads } from './FileDrop';
import { incomingErrorMessage } from './messages';
import { parseActions } from './model';
import type { AssignmentAction, DocumentAction } from './model';
import { fieldFeedback } from './problems';
import type { FormFeedback, MessageKey } from './problems';
import { useIncomingAction } from './queries';
import { useDialogAction } from './dialogAction';

type Open = { kind: DocumentAction } | { kind: AssignmentAction; assignment: Assignment } | null;

type Icon = ComponentType<{ size?: number | string }>;

const documentIcons: Record<DocumentAction, Icon> = {
  register: IconBook2,
  submit: IconSend,
  return_to_sender: IconArrowBackUp,
  direct: IconGavel,
  comment: IconPaperclip,
};

const assignmentIcons: Record<AssignmentAction, Icon> = {
  start: IconPlayerPlay,
  report: IconReport,
  acknowledge: IconEye,
  complete: IconFileCheck,
  return: IconArrowBackUp,
  request_extension: IconCalendarPlus,
  reassign: IconUserShare,
  decide_extension: IconCalendarQuestion,
  attach: IconPaperclip,
};

/** The main action of each kind is filled; the others are outlined. */
const primaryActions = new Set<string>([
  'register',
  'submit',
  'direct',
  'start',
  'complete',
  'reassign',
  'report',
  'acknowledge',
]);

function fieldError<F extends string>(
  t: TFunction,
  feedback: FormFeedback<F> | null,
  field: F,
): string | undefined {
  const key: MessageKey | undefined = feedback?.fields[field];
  return key ? t(key) : undefined;
}

// --- Dialogs ----------------------------------------------------------------------------------

interface DialogProps {
  detail: IncomingDetail;
  onClose: () => void;
}

function TextDialog({
  detail,
  onClose,
  path,
  title,
  label,
  description,
  submitLabel,
  submitColor,
  bodyKey,
  withFiles = false,
  testId,
  intro,
}: DialogProps & {
  path: string;
  title: string;
  label: string;
  description?: string;
  submitLabel: string;
  submitColor?: string;
  bodyKey: 'reason' | 'result' | 'body';
  withFiles?: boolean;
  testId: string;
  intro?: ReactNode;
}) {
  const { t } = useTranslation();
  const action = useIncomingAction(detail.id);
  const uploads = useUploads();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<FormFeedback<'text' | 'fileIds'> | null>(null);

  const submit = () => {
    if (text.trim() === '') {
      setFeedback({ fields: { text: 'forms.required' } });
      return;
    }
    setFeedback(null);
    action.mutate(
      {
        path,
        body: { [bodyKey]: text.trim(), ...(withFiles ? { fileIds: uploads.fileIds } : {}) },
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          const result = fieldFeedback(error, ['fileIds', bodyKey] as const);
          setFeedback({
            fields: {
              ...(result.fields[bodyKey] ? { text: result.fields[bodyKey] } : {}),
              ...(result.fields.fileIds ? { fileIds: result.fields.fileIds } : {}),
            },
            ...(result.form ? { form: result.form } : {}),
          });
        },
      },
    );
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={title}
      submitLabel={submitLabel}
      submitColor={submitColor}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      disabled={uploads.uploading}
      testId={testId}
    >
      {intro}
      <Textarea
        label={label}
        description={description}
        required
        autosize
        minRows={3}
        maxLength={bodyKey === 'reason' ? 2000 : 4000}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
        error={fieldError(t, feedback, 'text')}
        data-autofocus
        data-testid="dialog-text"
      />
      {withFiles && (
        <FileDrop
          uploads={uploads}
          label={t('incoming.actions.files')}
          error={fieldError(t, feedback, 'fileIds')}
        />
      )}
    </ActionDialog>
  );
}

function SubmitDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { action, feedback, setFeedback, run } = useDialogAction(
    detail.id,
    onClose,
    ['userId', 'note'] as const,
    { [errorCodes.incomingAssigneeInvalid]: 'userId' },
  );
  const [userId, setUserId] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const submit = () => {
    if (!userId) {
      setFeedback({ fields: { userId: 'forms.required' } });
      return;
    }
    run('submit', { userId, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('incoming.actions.submit')}
      submitLabel={t('incoming.actions.submit')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="submit-dialog"
    >
      <PersonSelect
        label={t('incoming.actions.submitTo')}
        required
        people={{ agencyId: detail.agency.id, roles: ['leader', 'deputy'] }}
        value={userId}
        onChange={setUserId}
        error={fieldError(t, feedback, 'userId')}
        data-autofocus
        data-testid="submit-to-select"
      />
      <Textarea
        label={t('incoming.actions.note')}
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

function RegisterReceivedDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { action, feedback, run } = useDialogAction<never>(detail.id, onClose, []);

  const send = (confirmDuplicate: boolean) => run('register', { confirmDuplicate });
  const duplicate = isApiError(action.error) && action.error.code === errorCodes.incomingDuplicate;

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('incoming.actions.register')}
      submitLabel={
        duplicate ? t('incoming.register.confirmDuplicate') : t('incoming.actions.register')
      }
      submitColor={duplicate ? 'orange' : undefined}
      onSubmit={() => {
        send(duplicate);
      }}
      pending={action.isPending}
      feedback={duplicate ? null : feedback}
      error={action.error}
      testId="register-dialog"
    >
      <Text size="sm">
        {t('incoming.register.receivedIntro', {
          reference: detail.reference,
          sender: detail.senderName,
        })}
      </Text>
      {duplicate && (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {t('incoming.register.duplicateText')}
        </Alert>
      )}
    </ActionDialog>
  );
}

function ReassignDialog({ detail, onClose, assignment }: DialogProps & { assignment: Assignment }) {
  const { t } = useTranslation();
  const { action, feedback, setFeedback, run } = useDialogAction(
    detail.id,
    onClose,
    ['userId', 'direction', 'due'] as const,
    {
      [errorCodes.incomingAssigneeInvalid]: 'userId',
      [errorCodes.incomingDueDatePast]: 'due',
    },
  );
  const [userId, setUserId] = useState<string | null>(null);
  const [direction, setDirection] = useState('');
  const [due, setDue] = useState<string | null>(assignment.dueDate);
  const today = toIsoDate(new Date());

  const submit = () => {
    if (!userId) {
      setFeedback({ fields: { userId: 'forms.required' } });
      return;
    }
    if (due && due < today) {
      setFeedback({ fields: { due: 'incoming.errors.dueDatePast' } });
      return;
    }
    run(`assignments/${assignment.id}/reassign`, {
      userId,
      ...(direction.trim() ? { direction: direction.trim() } : {}),
      ...(due && due !== assignment.dueDate ? { due: { date: due } } : {}),
    });
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('incoming.actions.reassign')}
      submitLabel={t('incoming.actions.reassign')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="reassign-dialog"
    >
      <Text size="sm" c="dimmed">
        {t('incoming.reassign.intro', { assignee: assigneeName(t, assignment) })}
      </Text>
      <PersonSelect
        label={t('incoming.reassign.to')}
        required
        people={{ agencyId: detail.agency.id, unitId: assignment.unit?.id }}
        value={userId}
        onChange={setUserId}
        error={fieldError(t, feedback, 'userId')}
        data-autofocus
        data-testid="reassign-select"
      />
      <Textarea
        label={t('incoming.fields.direction')}
        autosize
        minRows={2}
        maxLength={4000}
        value={direction}
        onChange={(event) => {
          setDirection(event.currentTarget.value);
        }}
        error={fieldError(t, feedback, 'direction')}
      />
      <DateField
        label={t('incoming.fields.dueDate')}
        value={due}
        minDate={today}
        onChange={setDue}
        error={fieldError(t, feedback, 'due')}
        maw={320}
      />
    </ActionDialog>
  );
}

function ExtensionRequestDialog({
  detail,
  onClose,
  assignment,
}: DialogProps & { assignment: Assignment }) {
  const { t } = useTranslation();
  const { action, feedback, setFeedback, run } = useDialogAction(
    detail.id,
    onClose,
    ['until', 'reason'] as const,
    { [errorCodes.incomingDueDatePast]: 'until' },
  );
  const [until, setUntil] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const today = toIsoDate(new Date());
  const earliest = assignment.dueDate && assignment.dueDate >= today ? assignment.dueDate : today;

  const submit = () => {
    const fields: FormFeedback<'until' | 'reason'>['fields'] = {};
    if (!until) fields.until = 'forms.required';
    else if (until <= earliest) fields.until = 'incoming.extension.untilAfterDue';
    if (reason.trim() === '') fields.reason = 'forms.required';
    if (Object.keys(fields).length > 0 || !until) {
      setFeedback({ fields });
      return;
    }
    run(`assignments/${assignment.id}/extension`, { until, reason: reason.trim() });
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('incoming.actions.request_extension')}
      submitLabel={t('incoming.extension.send')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="extension-dialog"
    >
      {assignment.dueDate && (
        <Text size="sm" c="dimmed">
          {t('incoming.extension.currentDue', { date: formatIsoDate(assignment.dueDate) })}
        </Text>
      )}
      <DateField
        label={t('incoming.extension.until')}
        required
        value={until}
        minDate={earliest}
        onChange={setUntil}
        error={fieldError(t, feedback, 'until')}
        data-autofocus
        maw={320}
      />
      <Textarea
        label={t('incoming.fields.reason')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
        }}
        error={fieldError(t, feedback, 'reason')}
      />
    </ActionDialog>
  );
}

function ExtensionDecisionDialog({
  detail,
  onClose,
  assignment,
}: DialogProps & { assignment: Assignment }) {
  const { t } = useTranslation();
  const { action, feedback, run } = useDialogAction(detail.id, onClose, ['note'] as const);
  const [decision, setDecision] = useState<'approve' | 'refuse'>('approve');
  const [note, setNote] = useState('');
  const request = assignment.extensionRequest;

  const submit = () => {
    run(`assignments/${assignment.id}/extension/decision`, {
      approve: decision === 'approve',
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('incoming.actions.decide_extension')}
      submitLabel={t('incoming.extension.decide')}
      submitColor={decision === 'refuse' ? 'red' : undefined}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="decision-dialog"
    >
      {request && (
        <Alert variant="light" color="blue" icon={<IconCalendarQuestion size={18} />}>
          <Text size="sm" fw={500}>
            {t('incoming.extension.requested', {
              assignee: assigneeName(t, assignment),
              until: formatIsoDate(request.until),
            })}
          </Text>
          <Text size="sm">{request.reason}</Text>
        </Alert>
      )}
      <Radio.Group
        label={t('incoming.extension.decision')}
        value={decision}
        onChange={(value) => {
          setDecision(value === 'refuse' ? 'refuse' : 'approve');
        }}
      >
        <Group gap="lg" mt={6}>
          <Radio value="approve" label={t('incoming.extension.approve')} data-autofocus />
          <Radio value="refuse" label={t('incoming.extension.refuse')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('incoming.actions.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
        error={fieldError(t, feedback, 'note')}
      />
    </ActionDialog>
  );
}

// --- Action bar --------------------------------------------------------------------------------

function actionLabelKey(kind: DocumentAction | AssignmentAction) {
  return `incoming.actions.${kind}` as const;
}

/**
 * Exactly the buttons of the server's `actions`, each with its dialog (or, for start and
 * acknowledge, straight away). Assignment actions name the assignment when the user has several.
 */
export function DocumentActions({ detail }: { detail: IncomingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const quick = useIncomingAction(detail.id);
  const parsed = parseActions(detail.actions);
  const documentActions = parsed.document.filter((kind) => kind !== 'comment');
  const assignmentActions = parsed.assignment
    .map(({ kind, assignmentId }) => ({
      kind,
      assignment: detail.assignments.find((a) => a.id === assignmentId),
    }))
    .filter(
      (entry): entry is { kind: AssignmentAction; assignment: Assignment } => !!entry.assignment,
    );
  const distinct = new Set(assignmentActions.map((entry) => entry.assignment.id)).size;

  if (documentActions.length === 0 && assignmentActions.length === 0) {
    return null;
  }

  const close = () => {
    setOpen(null);
  };

  const runQuick = (kind: 'start' | 'acknowledge', assignment: Assignment) => {
    quick.mutate({ path: `assignments/${assignment.id}/${kind}`, body: {} });
  };

  return (
    <Stack gap="xs">
      <Group
        gap="xs"
        data-testid="document-actions"
        role="group"
        aria-label={t('incoming.actions.label')}
      >
        {documentActions.map((kind) => {
          const Icon = documentIcons[kind];
          return (
            <Button
              key={kind}
              variant={primaryActions.has(kind) ? 'filled' : 'default'}
              color={kind === 'return_to_sender' ? 'red' : undefined}
              leftSection={<Icon size={16} />}
              onClick={() => {
                setOpen({ kind });
              }}
              data-testid={`action-${kind}`}
            >
              {t(actionLabelKey(kind))}
            </Button>
          );
        })}
        {assignmentActions.map(({ kind, assignment }) => {
          const Icon = assignmentIcons[kind];
          const label = t(actionLabelKey(kind));
          const full = distinct > 1 ? `${label} · ${assigneeName(t, assignment)}` : label;
          return (
            <Button
              key={`${kind}:${assignment.id}`}
              variant={primaryActions.has(kind) ? 'filled' : 'default'}
              color={kind === 'return' ? 'red' : kind === 'complete' ? 'green' : undefined}
              leftSection={<Icon size={16} />}
              loading={
                quick.isPending && quick.variables.path === `assignments/${assignment.id}/${kind}`
              }
              onClick={() => {
                if (kind === 'start' || kind === 'acknowledge') runQuick(kind, assignment);
                else setOpen({ kind, assignment });
              }}
              data-testid={`action-${kind}`}
            >
              {full}
            </Button>
          );
        })}
      </Group>
      {quick.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {incomingErrorMessage(t, quick.error)}
        </Alert>
      )}

      {open?.kind === 'register' && <RegisterReceivedDialog detail={detail} onClose={close} />}
      {open?.kind === 'submit' && <SubmitDialog detail={detail} onClose={close} />}
      {open?.kind === 'return_to_sender' && (
        <TextDialog
          detail={detail}
          onClose={close}
          path="return-to-sender"
          title={t('incoming.actions.return_to_sender')}
          label={t('incoming.fields.reason')}
          description={t('incoming.returnToSender.hint')}
          submitLabel={t('incoming.actions.return_to_sender')}
          submitColor="red"
          bodyKey="reason"
          testId="return-to-sender-dialog"
        />
      )}
      {open?.kind === 'direct' && <DirectDialog detail={detail} opened onClose={close} />}
      {open && 'assignment' in open && open.kind === 'reassign' && (
        <ReassignDialog detail={detail} onClose={close} assignment={open.assignment} />
      )}
      {open && 'assignment' in open && open.kind === 'report' && (
        <TextDialog
          detail={detail}
          onClose={close}
          path={`assignments/${open.assignment.id}/report`}
          title={t('incoming.actions.report')}
          label={t('incoming.fields.result')}
          description={t('incoming.report.hint')}
          submitLabel={t('incoming.report.send')}
          bodyKey="result"
          withFiles
          testId="report-dialog"
        />
      )}
      {open && 'assignment' in open && open.kind === 'complete' && (
        <TextDialog
          detail={detail}
          onClose={close}
          path={`assignments/${open.assignment.id}/complete`}
          title={t('incoming.actions.complete')}
          label={t('incoming.fields.result')}
          description={t('incoming.complete.hint')}
          submitLabel={t('incoming.complete.send')}
          submitColor="green"
          bodyKey="result"
          withFiles
          testId="complete-dialog"
          intro={<CompleteIntro detail={detail} />}
        />
      )}
      {open && 'assignment' in open && open.kind === 'return' && (
        <TextDialog
          detail={detail}
          onClose={close}
          path={`assignments/${open.assignment.id}/return`}
          title={t('incoming.actions.return')}
          label={t('incoming.fields.reason')}
          description={t('incoming.returnAssignment.hint')}
          submitLabel={t('incoming.actions.return')}
          submitColor="red"
          bodyKey="reason"
          testId="return-dialog"
        />
      )}
      {open && 'assignment' in open && open.kind === 'request_extension' && (
        <ExtensionRequestDialog detail={detail} onClose={close} assignment={open.assignment} />
      )}
      {open && 'assignment' in open && open.kind === 'decide_extension' && (
        <ExtensionDecisionDialog detail={detail} onClose={close} assignment={open.assignment} />
      )}
      {open && 'assignment' in open && open.kind === 'attach' && (
        <TextDialog
          detail={detail}
          onClose={close}
          path="comments"
          title={t('incoming.actions.attach')}
          label={t('incoming.attach.note')}
          description={t('incoming.attach.hint')}
          submitLabel={t('incoming.attach.send')}
          bodyKey="body"
          withFiles
          testId="attach-dialog"
        />
      )}
    </Stack>
  );
}

/** Before completing: what the co-handlers reported, so the lead can use it. */
function CompleteIntro({ detail }: { detail: IncomingDetail }) {
  const { t } = useTranslation();
  const reports = detail.assignments.filter((a) => a.role === 'co_handler' && a.result);
  if (reports.length === 0) return null;
  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconCheck size={18} />}
      title={t('incoming.complete.reports')}
    >
      <List size="sm" spacing={4}>
        {reports.map((a) => (
          <List.Item key={a.id}>
            <Text span size="sm" fw={500}>
              {assigneeName(t, a)}:
            </Text>{' '}
            {a.result}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
