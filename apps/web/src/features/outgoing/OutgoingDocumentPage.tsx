import { useDocTypeName } from '../documents/useDocTypes';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { IconAlertCircle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDateTime } from '../../i18n/format';
import { NotFoundPage } from '../errors/StatusPages';
import { SecrecyBadge, UrgencyBadge } from '../incoming/Badges';
import { OutgoingStateBadge } from './Badges';
import { MetadataSection } from './MetadataSection';
import { OutgoingActions } from './OutgoingActions';
import { AddToRecordButton } from '../work-records/AddToRecordButton';
import { outgoingErrorMessage } from './problems';
import { useOutgoingDetail } from './queries';
import { RecipientsSection } from './RecipientsSection';
import { ReviewSection } from './ReviewSection';
import { SignaturesSection } from './SignaturesSection';
import { VersionsSection } from './VersionsSection';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function OutgoingDocumentPage() {
  const { id = '' } = useParams();
  if (!uuidPattern.test(id)) return <NotFoundPage />;
  return <DocumentPage key={id} id={id} />;
}

function DocumentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const docTypeName = useDocTypeName();
  const location = useLocation();
  const detail = useOutgoingDetail(id);
  const created =
    typeof location.state === 'object' &&
    location.state !== null &&
    'created' in location.state &&
    location.state.created === true;
  usePageTitle(detail.data?.reference ?? detail.data?.subject ?? t('outgoing.detail.title'));

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.code === errorCodes.outgoingNotFound) {
      return <NotFoundPage />;
    }
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle size={18} />}
        role="alert"
        maw={640}
      >
        {outgoingErrorMessage(t, detail.error)}
        <Button variant="subtle" size="compact-sm" ml="sm" onClick={() => void detail.refetch()}>
          {t('errors.retry')}
        </Button>
      </Alert>
    );
  }

  const doc = detail.data;
  return (
    <Stack gap="md" maw={1400}>
      <Stack gap={4}>
        <Anchor component={Link} to="/outgoing" size="sm">
          {t('nav.outgoing')}
        </Anchor>
        <Text size="sm" c="dimmed" data-testid="outgoing-reference">
          {doc.reference ?? t('outgoing.list.noReference')} ·{' '}
          {docTypeName(doc.docType, doc.docTypeName)}
        </Text>
        <Title
          order={1}
          fz={{ base: 'h3', sm: 'h2' }}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="outgoing-subject"
        >
          {doc.subject}
        </Title>
        <Group gap={6} mt={4}>
          <OutgoingStateBadge state={doc.state} />
          <UrgencyBadge urgency={doc.urgency} />
          <SecrecyBadge secrecy={doc.secrecy} />
        </Group>
      </Stack>

      {created && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          role="status"
          data-testid="created-notice"
        >
          {t('outgoing.detail.createdNotice')}
        </Alert>
      )}
      {doc.revokedAt && (
        <Alert
          color="red"
          variant="light"
          icon={<IconBan size={18} />}
          data-testid="revoked-notice"
        >
          {t('outgoing.detail.revokedNotice', {
            time: formatIsoDateTime(doc.revokedAt),
            reason: doc.revokeReason ?? '',
          })}
        </Alert>
      )}

      <OutgoingActions detail={doc} />
      {doc.state === 'issued' && (
        <Group>
          <AddToRecordButton kind="outgoing" documentId={doc.id} />
        </Group>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <MetadataSection detail={doc} />
            <VersionsSection detail={doc} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ReviewSection detail={doc} />
            <SignaturesSection detail={doc} />
            <RecipientsSection detail={doc} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
