import { useDocTypeOptions } from '../documents/useDocTypes';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { IncomingSummary, IncomingView } from '@vanban/contracts';
import { incomingStateValues, urgencyValues } from '@vanban/contracts';
import {
  IconAdjustmentsHorizontal,
  IconAlertCircle,
  IconFilePlus,
  IconInbox,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { userRoles } from '../../app/auth';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { DateField } from '../../components/DateField';
import { formatIsoDate } from '../../i18n/format';
import { DueDate, SecrecyBadge, StateBadge, UrgencyBadge } from './Badges';
import { activeFilterCount, readListSearch, writeListSearch } from './filters';
import type { ListSearch } from './filters';
import { IncomingSearchBox } from './IncomingSearchBox';
import { IncomingViewNav } from './IncomingViewNav';
import { formatNumber, isUrgent } from './model';
import { incomingSortValues, useIncomingList } from './queries';

/** Tables from 62em (Mantine `md`), cards below: phones and narrow tablets. */
export const wideQuery = '(min-width: 62em)';

function Filters({
  search,
  onChange,
}: {
  search: ListSearch;
  onChange: (next: ListSearch) => void;
}) {
  const { t } = useTranslation();
  const { options: docTypeOptions } = useDocTypeOptions();
  const typeOptions = docTypeOptions;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} spacing="sm" data-testid="incoming-filters">
      <DateField
        label={t('incoming.list.from')}
        value={search.from ?? null}
        maxDate={search.to}
        onChange={(from) => {
          onChange({ ...search, from: from ?? undefined });
        }}
      />
      <DateField
        label={t('incoming.list.to')}
        value={search.to ?? null}
        minDate={search.from}
        onChange={(to) => {
          onChange({ ...search, to: to ?? undefined });
        }}
      />
      <Select
        label={t('incoming.fields.docType')}
        placeholder={t('incoming.list.any')}
        data={typeOptions}
        value={search.docType ?? null}
        onChange={(docType) => {
          onChange({ ...search, docType: docType ?? undefined });
        }}
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('incoming.fields.urgency')}
        placeholder={t('incoming.list.any')}
        data={urgencyValues.map((value) => ({ value, label: t(`incoming.urgency.${value}`) }))}
        value={search.urgency ?? null}
        onChange={(urgency) => {
          onChange({ ...search, urgency: urgencyValues.find((value) => value === urgency) });
        }}
        clearable
      />
      <Select
        label={t('incoming.fields.state')}
        placeholder={t('incoming.list.any')}
        data={incomingStateValues.map((value) => ({
          value,
          label: t(`incoming.states.${value}`),
        }))}
        value={search.state ?? null}
        onChange={(state) => {
          onChange({ ...search, state: incomingStateValues.find((value) => value === state) });
        }}
        clearable
      />
    </SimpleGrid>
  );
}

function DocumentTable({ items }: { items: IncomingSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="incoming-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('incoming.fields.arrivalNumber')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('incoming.fields.reference')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('incoming.fields.sender')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('incoming.fields.subject')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('incoming.fields.dueDate')}
            </Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {t('incoming.fields.state')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="incoming-row"
              data-urgency={item.urgency}
              data-overdue={item.overdue || undefined}
              bg={item.urgency === 'flash' || item.urgency === 'top_urgent' ? 'red.0' : undefined}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {formatNumber(item.arrivalNumber) || '—'}
                </Text>
                {item.arrivalDate && (
                  <Text size="xs" c="dimmed">
                    {formatIsoDate(item.arrivalDate)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{item.reference}</Text>
                <Text size="xs" c="dimmed">
                  {formatIsoDate(item.issueDate)}
                </Text>
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm" lineClamp={2}>
                  {item.senderName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Anchor
                    component={Link}
                    to={`/incoming/${item.id}`}
                    size="sm"
                    fw={500}
                    lineClamp={3}
                  >
                    {item.subject}
                  </Anchor>
                  {(isUrgent(item.urgency) || item.secrecy !== 'normal') && (
                    <Group gap={4}>
                      <UrgencyBadge urgency={item.urgency} />
                      <SecrecyBadge secrecy={item.secrecy} />
                    </Group>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <DueDate item={item} />
              </Table.Td>
              <Table.Td>
                <StateBadge state={item.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DocumentCards({ items }: { items: IncomingSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="incoming-cards">
      {items.map((item) => (
        <Card
          key={item.id}
          component={Link}
          to={`/incoming/${item.id}`}
          withBorder
          padding="sm"
          radius="md"
          data-testid="incoming-card"
          data-urgency={item.urgency}
          data-overdue={item.overdue || undefined}
          style={
            isUrgent(item.urgency)
              ? { borderLeft: '4px solid var(--mantine-color-red-6)' }
              : undefined
          }
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {item.reference}
              </Text>
              <StateBadge state={item.state} />
            </Group>
            <Text size="sm" lineClamp={3}>
              {item.subject}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {item.senderName} · {formatIsoDate(item.issueDate)}
            </Text>
            <Group gap={6} justify="space-between">
              <Group gap={4}>
                {item.arrivalNumber !== null && (
                  <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                    {t('incoming.list.arrivalShort', { number: formatNumber(item.arrivalNumber) })}
                  </Badge>
                )}
                <UrgencyBadge urgency={item.urgency} />
                <SecrecyBadge secrecy={item.secrecy} />
              </Group>
              <DueDate item={item} size="xs" />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export function IncomingListPage({ view }: { view: IncomingView }) {
  const { t } = useTranslation();
  const me = useSession();
  const roles = userRoles(me);
  const title = t(`incoming.views.${view}`);
  usePageTitle(`${title} · ${t('nav.incoming')}`);
  const wide = useMediaQuery(wideQuery, true, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const search = readListSearch(params);
  const filterCount = activeFilterCount(search);
  const [filtersOpen, filtersHandlers] = useDisclosure(filterCount > 0);
  const list = useIncomingList({ view, ...search });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const update = (next: ListSearch) => {
    setParams(writeListSearch(next), { replace: true });
  };

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('nav.incoming')}
          </Text>
          <Title order={1} fz="h2" data-testid="incoming-list-title">
            {title}
          </Title>
        </Stack>
        {roles.has('clerk') && (
          <Button
            component={Link}
            to="/incoming/new"
            leftSection={<IconFilePlus size={18} aria-hidden="true" />}
            data-testid="incoming-new"
          >
            {t('incoming.register.open')}
          </Button>
        )}
      </Group>

      <IncomingSearchBox />
      <IncomingViewNav current={view} />

      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Button
            variant="subtle"
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden="true" />}
            onClick={filtersHandlers.toggle}
            aria-expanded={filtersOpen}
            aria-controls="incoming-filters"
            rightSection={
              filterCount > 0 ? (
                <Badge size="sm" circle>
                  {filterCount}
                </Badge>
              ) : undefined
            }
          >
            {t('incoming.list.filters')}
          </Button>
          <Group gap="xs" wrap="nowrap">
            {filterCount > 0 && (
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                onClick={() => {
                  update({ sort: search.sort });
                }}
              >
                {t('incoming.list.clearFilters')}
              </Button>
            )}
            <Select
              aria-label={t('incoming.list.sort')}
              leftSection={
                <Text size="xs" c="dimmed" aria-hidden="true" pl={6}>
                  {t('incoming.list.sortShort')}
                </Text>
              }
              leftSectionWidth={wide ? 84 : 64}
              w={wide ? 230 : 190}
              allowDeselect={false}
              data={incomingSortValues.map((value) => ({
                value,
                label: t(`incoming.sort.${value}`),
              }))}
              value={search.sort}
              onChange={(sort) => {
                const next = incomingSortValues.find((value) => value === sort);
                if (next) update({ ...search, sort: next });
              }}
              data-testid="incoming-sort"
            />
          </Group>
        </Group>
        <Collapse expanded={filtersOpen} id="incoming-filters">
          <Stack pt="sm">
            <Filters search={search} onChange={update} />
          </Stack>
        </Collapse>
      </Paper>

      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : list.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {describeError(t, list.error)}
          <Button variant="subtle" size="compact-sm" ml="sm" onClick={() => void list.refetch()}>
            {t('errors.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="incoming-empty">
          <Stack align="center" gap="xs" ta="center">
            <IconInbox
              size={40}
              stroke={1.4}
              aria-hidden="true"
              color="var(--mantine-color-gray-5)"
            />
            <Text fw={500}>{t('incoming.list.empty')}</Text>
            {filterCount > 0 && (
              <Text size="sm" c="dimmed">
                {t('incoming.list.emptyFiltered')}
              </Text>
            )}
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('incoming.list.shown', { count: items.length })}
          </Text>
          {wide ? <DocumentTable items={items} /> : <DocumentCards items={items} />}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="light"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="incoming-load-more"
              >
                {t('incoming.list.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Stack>
  );
}
