import {
  Anchor,
  Card,
  Center,
  Code,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Title,
} from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDate } from '../../i18n/format';
import { ClosedBadge, LevelBadge, SuccessorLinks } from './AgencyBadges';
import type { AgencyDetail } from './agencyQueries';
import { useAgency } from './agencyQueries';
import { ErrorAlert } from './ErrorAlert';
import { UnitsSection } from './UnitsSection';
import { Field } from '../../components/Field';

function History({ agency }: { agency: AgencyDetail }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="xs" data-testid="agency-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.agencies.fields.validFrom')}</Table.Th>
            <Table.Th>{t('admin.agencies.fields.validTo')}</Table.Th>
            <Table.Th>{t('admin.agencies.fields.code')}</Table.Th>
            <Table.Th>{t('admin.agencies.fields.name')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agency.history.map((version) => (
            <Table.Tr key={version.validFrom}>
              <Table.Td>{formatIsoDate(version.validFrom)}</Table.Td>
              <Table.Td>{version.validTo ? formatIsoDate(version.validTo) : '—'}</Table.Td>
              <Table.Td>
                <Code>{version.code}</Code>
              </Table.Td>
              <Table.Td>{version.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/admin/agencies/:id`: codes, contact, validity, reorganisation links, history and units. */
export function AgencyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const agency = useAgency(id, params.get('asOf'));
  usePageTitle(agency.data?.name ?? t('admin.agencies.title'));

  if (agency.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (agency.isError) {
    return (
      <ErrorAlert
        error={agency.error}
        rules={{ [errorCodes.agencyNotFound]: { message: 'admin.errors.agencyNotFound' } }}
      />
    );
  }
  const data = agency.data;
  const closed = data.validTo !== null;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/agencies" size="sm">
        {t('admin.agencies.back')}
      </Anchor>
      <Stack gap={6}>
        <Title order={1} fz="h2" data-testid="agency-name">
          {data.name}
        </Title>
        <Group gap={6}>
          <Code>{data.code}</Code>
          <LevelBadge level={data.level} />
          {closed && <ClosedBadge validTo={data.validTo} />}
        </Group>
      </Stack>
      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Field label={t('admin.agencies.fields.shortName')}>{data.shortName ?? '—'}</Field>
          <Field label={t('admin.agencies.fields.parent')}>
            {data.parentId ? (
              <Anchor component={Link} to={`/admin/agencies/${data.parentId}`} size="sm">
                {data.parentCode ?? t('admin.agencies.parentLink')}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
          <Field label={t('admin.agencies.fields.validity')}>
            {t('admin.agencies.validity', {
              from: formatIsoDate(data.validFrom),
              to: data.validTo ? formatIsoDate(data.validTo) : t('admin.agencies.open'),
            })}
          </Field>
          <Field label={t('admin.agencies.fields.address')}>{data.address ?? '—'}</Field>
          <Field label={t('admin.agencies.fields.email')}>{data.email ?? '—'}</Field>
          <Field label={t('admin.agencies.fields.phone')}>{data.phone ?? '—'}</Field>
          <Field label={t('admin.agencies.fields.website')}>{data.website ?? '—'}</Field>
        </SimpleGrid>
        {(data.successors.length > 0 || data.predecessors.length > 0) && (
          <Stack gap={4} mt="md">
            <SuccessorLinks links={data.successors} direction="successors" />
            <SuccessorLinks links={data.predecessors} direction="predecessors" />
          </Stack>
        )}
      </Card>
      <UnitsSection agency={data} />
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('admin.agencies.history')}
        </Title>
        <History agency={data} />
      </Stack>
    </Stack>
  );
}
