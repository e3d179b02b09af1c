import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode, SubmitEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session';
import { useUploads } from '../incoming/FileDrop';
import type { FormFeedback } from '../incoming/problems';
import { AnswersPicker } from './AnswersPicker';
import { ContentFields } from './ContentFields';
import { createBody, emptyDraft, updateBody, validateDraft, valuesFromDetail } from './draft';
import type { AnswerRef, DraftValues } from './draft';
import { MetadataFields } from './MetadataFields';
import { draftFeedback } from './problems';
import type { DraftField } from './problems';
import { useCreateOutgoing, useUpdateOutgoing } from './queries';
import { RecipientsFields } from './RecipientsFields';

const noFeedback: FormFeedback<DraftField> = { fields: {} };
const focusOrder = ['docType', 'subject', 'signerId', 'recipients', 'fileIds', 'compose'] as const;

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section">
      <Stack gap="md">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The draft form: creating (`detail` absent: content as files or composed text) or editing a
 * draft's metadata (files change through a new version). Field messages come from the local
 * checks first, then from the server's problem codes.
 */
export function DraftForm({
  detail,
  initialAnswers = [],
}: {
  detail?: OutgoingDetail;
  initialAnswers?: AnswerRef[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const uploads = useUploads();
  const create = useCreateOutgoing();
  const update = useUpdateOutgoing(detail?.id ?? '');
  const mutation = detail ? update : create;
  const [values, setValues] = useState<DraftValues>(() =>
    detail ? valuesFromDetail(detail) : { ...emptyDraft, answers: initialAnswers },
  );
  const [feedback, setFeedback] = useState<FormFeedback<DraftField>>(noFeedback);
  const refs = {
    docType: useRef<HTMLInputElement>(null),
    subject: useRef<HTMLTextAreaElement>(null),
    signerId: useRef<HTMLInputElement>(null),
    recipients: useRef<HTMLInputElement>(null),
    compose: useRef<HTMLTextAreaElement>(null),
  };
  const filesRef = useRef<HTMLDivElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const unitCode =
    detail?.drafterUnit?.code ?? me.units.find((unit) => unit.agencyId === me.agency.id)?.code;

  const set = <K extends keyof DraftValues>(key: K, value: DraftValues[K], field?: DraftField) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (field && feedback.fields[field]) {
      setFeedback((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
    }
  };
  const error = (field: DraftField) => {
    const key = feedback.fields[field];
    return key ? t(key) : undefined;
  };

  const focusFirst = (result: FormFeedback<DraftField>) => {
    requestAnimationFrame(() => {
      const field = focusOrder.find((name) => result.fields[name]);
      if (field === 'fileIds') filesRef.current?.scrollIntoView({ block: 'center' });
      else if (field) refs[field].current?.focus();
      else if (result.form) formErrorRef.current?.focus();
    });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending || uploads.uploading) return;
    const local = validateDraft(values, detail ? null : uploads);
    if (Object.keys(local.fields).length > 0) {
      setFeedback(local);
      focusFirst(local);
      return;
    }
    setFeedback(noFeedback);
    const onError = (failure: unknown) => {
      const result = draftFeedback(failure);
      setFeedback(result);
      focusFirst(result);
    };
    if (detail) {
      update.mutate(updateBody(values), {
        onSuccess: () => void navigate(`/outgoing/${detail.id}`),
        onError,
      });
    } else {
      create.mutate(createBody(values, uploads.fileIds), {
        onSuccess: ({ id }) => void navigate(`/outgoing/${id}`, { state: { created: true } }),
        onError,
      });
    }
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t(detail ? 'outgoing.draft.editTitle' : 'outgoing.draft.title')}
    >
      <Stack gap="lg">
        {feedback.form && (
          <Alert
            ref={formErrorRef}
            tabIndex={-1}
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            data-testid="draft-error"
          >
            {feedback.form === 'generic' ? describeError(t, mutation.error) : t(feedback.form)}
          </Alert>
        )}
        {!detail && (
          <Block title={t('outgoing.draft.contentSection')}>
            <div ref={filesRef}>
              <ContentFields
                mode={values.mode}
                onMode={(mode) => {
                  set('mode', mode, 'fileIds');
                }}
                uploads={uploads}
                body={values.body}
                onBody={(body) => {
                  set('body', body, 'compose');
                }}
                authority={values.authority}
                onAuthority={(authority) => {
                  set('authority', authority);
                }}
                filesError={error('fileIds')}
                composeError={error('compose')}
                bodyRef={refs.compose}
              />
            </div>
          </Block>
        )}
        <Block title={t('outgoing.draft.metadataSection')}>
          <MetadataFields
            values={values}
            set={set}
            error={error}
            refs={refs}
            unitCode={unitCode ?? null}
          />
        </Block>
        <Block title={t('outgoing.fields.recipients')}>
          <RecipientsFields
            value={values.recipients}
            onChange={(recipients) => {
              set('recipients', recipients, 'recipients');
            }}
            error={error('recipients')}
            inputRef={refs.recipients}
          />
        </Block>
        <Block title={t('outgoing.answers.section')}>
          <AnswersPicker
            value={values.answers}
            onChange={(answers) => {
              set('answers', answers, 'answers');
            }}
            error={error('answers')}
          />
        </Block>
        <Group justify="flex-end" gap="sm">
          <Button
            component={Link}
            to={detail ? `/outgoing/${detail.id}` : '/outgoing'}
            variant="default"
          >
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            disabled={uploads.uploading}
            data-testid="draft-submit"
          >
            {uploads.uploading
              ? t('files.waitForUploads')
              : t(detail ? 'outgoing.draft.save' : 'outgoing.draft.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
