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
import type { IncomingState } from '@vanban/contracts';
import { IconAlertCircle, IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { NotFoundPage } from '../errors/StatusPages';
import { DueDate, SecrecyBadge, StateBadge, UrgencyBadge } from './Badges';
import { DocumentActions } from './DocumentActions';
import { AddToRecordButton } from '../work-records/AddToRecordButton';
import { FromIncomingButton } from '../tasks/FromIncomingButton';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import {
  AssignmentsSection,
  CommentsSection,
  FilesSection,
  HistorySection,
  MetadataSection,
} from './DocumentSections';
import { incomingErrorMessage } from './messages';
import { formatNumber } from './model';

/** A reply (văn bản trả lời) can be drafted once the document is registered and until it is closed. */
const answerable: readonly IncomingState[] = [
  'registered',
  'submitted',
  'assigned',
  'in_progress',
  'completed',
];
import { useIncomingDetail } from './queries';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function IncomingDocumentPage() {
  const { id = '' } = useParams();
  if (!uuidPattern.test(id)) {
    return <NotFoundPage />;
  }
  return <DocumentPage id={id} />;
}

function DocumentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const roles = userRoles(useSession());
  const location = useLocation();
  const detail = useIncomingDetail(id);
  const justRegistered =
    typeof location.state === 'object' &&
    location.state !== null &&
    'registered' in location.state &&
    location.state.registered === true;
  usePageTitle(detail.data ? detail.data.reference : t('incoming.detail.title'));

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.code === errorCodes.incomingNotFound) {
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
        {incomingErrorMessage(t, detail.error)}
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
        <Anchor component={Link} to="/incoming" size="sm">
          {t('nav.incoming')}
        </Anchor>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="doc-reference">
            {doc.reference}
            {doc.arrivalNumber !== null &&
              ` · ${t('incoming.list.arrivalShort', { number: formatNumber(doc.arrivalNumber) })}`}
          </Text>
        </Group>
        <Title
          order={1}
          fz={{ base: 'h3', sm: 'h2' }}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="doc-subject"
        >
          {doc.subject}
        </Title>
        <Group gap={6} mt={4}>
          <StateBadge state={doc.state} />
          <UrgencyBadge urgency={doc.urgency} />
          <SecrecyBadge secrecy={doc.secrecy} />
          {doc.dueDate && (
            <Text size="sm">
              {t('incoming.fields.dueDate')}: <DueDate item={doc} />
            </Text>
          )}
        </Group>
      </Stack>

      {justRegistered && doc.arrivalNumber !== null && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          data-testid="registered-notice"
          role="status"
        >
          {t('incoming.detail.registeredNotice', {
            number: formatNumber(doc.arrivalNumber),
            register: doc.registerName ?? '',
          })}
        </Alert>
      )}

      <DocumentActions detail={doc} />
      <Group>
        {!['received', 'returned', 'revoked'].includes(doc.state) && (
          <AddToRecordButton kind="incoming" documentId={doc.id} />
        )}
        {doc.direction && (roles.has('leader') || roles.has('deputy')) && (
          <FromIncomingButton documentId={doc.id} subject={doc.subject} />
        )}
      </Group>
      {answerable.includes(doc.state) && (
        <Group>
          <Button
            component={Link}
            to={`/outgoing/new?answers=${doc.id}`}
            variant="light"
            leftSection={<IconArrowBackUp size={16} aria-hidden="true" />}
            data-testid="draft-reply"
          >
            {t('incoming.detail.draftReply')}
          </Button>
        </Group>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <MetadataSection detail={doc} />
            <FilesSection detail={doc} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <AssignmentsSection detail={doc} />
            <CommentsSection detail={doc} />
            <HistorySection detail={doc} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
