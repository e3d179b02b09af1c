import { Alert, Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { NotFoundPage } from '../errors/StatusPages';
import { DraftForm } from './DraftForm';
import { outgoingErrorMessage } from './problems';
import { useIncomingRef, useOutgoingDetail } from './queries';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Header({ title, intro, back }: { title: string; intro: string; back: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={back} size="sm">
        {t('nav.outgoing')}
      </Anchor>
      <Title order={1} fz="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {intro}
      </Text>
    </Stack>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** `/outgoing/new`, or `/outgoing/new?answers=<incoming id>` to draft a reply to a document. */
export function NewDraftPage() {
  const { t } = useTranslation();
  usePageTitle(t('outgoing.draft.title'));
  const [params] = useSearchParams();
  const answersId = params.get('answers');
  const answering = useIncomingRef(answersId && uuidPattern.test(answersId) ? answersId : null);
  const waiting = answering.isLoading;
  const initialAnswers = answering.data
    ? [
        {
          id: answering.data.id,
          reference: answering.data.reference,
          subject: answering.data.subject,
        },
      ]
    : [];

  return (
    <Stack gap="lg" maw={960}>
      <Header
        title={t('outgoing.draft.title')}
        intro={t('outgoing.draft.intro')}
        back="/outgoing"
      />
      {waiting ? <Loading /> : <DraftForm initialAnswers={initialAnswers} />}
    </Stack>
  );
}

/** `/outgoing/<id>/edit`: the metadata of a draft the user may still edit. */
export function EditDraftPage() {
  const { id = '' } = useParams();
  if (!uuidPattern.test(id)) return <NotFoundPage />;
  return <EditDraft id={id} />;
}

function EditDraft({ id }: { id: string }) {
  const { t } = useTranslation();
  usePageTitle(t('outgoing.draft.editTitle'));
  const detail = useOutgoingDetail(id);
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle size={18} />}
        role="alert"
        maw={640}
      >
        {outgoingErrorMessage(t, detail.error)}
      </Alert>
    );
  }
  const doc = detail.data;
  return (
    <Stack gap="lg" maw={960}>
      <Header
        title={t('outgoing.draft.editTitle')}
        intro={t('outgoing.draft.editIntro')}
        back={`/outgoing/${id}`}
      />
      {doc.actions.includes('edit') ? (
        <DraftForm detail={doc} />
      ) : (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {t('outgoing.draft.notEditable')}
        </Alert>
      )}
    </Stack>
  );
}
