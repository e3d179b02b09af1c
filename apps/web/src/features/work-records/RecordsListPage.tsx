import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RecordState, RecordSummary } from '@vanban/contracts';
import { IconAlarm, IconFolderPlus, IconListTree, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDate } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { vietnamToday } from '../work/isoWeek';
import { recordRules } from './errors';
import { recentYears } from './model';
import { OpenRecordDialog } from './OpenRecordDialog';
import { useDueForArchive, useRecordList } from './queries';
import { ArchiveDueBadge, RecordStateBadge } from './RecordBadges';

function RecordCard({ record }: { record: RecordSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="record-row">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {record.code}
        </Text>
        <Anchor
          component={Link}
          to={`/work-records/${record.id}`}
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {record.title}
        </Anchor>
        <Group gap={6}>
          <RecordStateBadge state={record.state} />
          <ArchiveDueBadge record={record} />
          <Text size="sm" c="dimmed">
            {t('records.docs', { count: record.docTotal })}
          </Text>
          {record.startDate && (
            <Text size="sm" c="dimmed">
              {formatIsoDate(record.startDate)}
              {record.endDate ? ` – ${formatIsoDate(record.endDate)}` : ''}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            · {record.creator.fullName}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** `/work-records`: the records the user sees, by year, state and text; records due for the archive. */
export function RecordsListPage() {
  const { t } = useTranslation();
  usePageTitle(t('records.title'));
  const currentYear = Number(vietnamToday().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? currentYear) || currentYear;
  const stateParam = params.get('state');
  const state: RecordState | undefined =
    stateParam === 'open' || stateParam === 'closed' || stateParam === 'archived'
      ? stateParam
      : undefined;
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const list = useRecordList({ year, state, q: q || undefined });
  const due = useDueForArchive();
  const [opening, setOpening] = useState(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} fz="h2">
          {t('records.title')}
        </Title>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/work-records/catalogue?year=${String(year)}`}
            variant="default"
            leftSection={<IconListTree size={16} aria-hidden="true" />}
            data-testid="records-catalogue"
          >
            {t('records.catalogue')}
          </Button>
          <Button
            leftSection={<IconFolderPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setOpening(true);
            }}
            data-testid="records-open"
          >
            {t('records.open')}
          </Button>
        </Group>
      </Group>

      {due.data && due.data.items.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlarm size={18} />}
          title={t('records.dueTitle')}
          data-testid="records-due"
        >
          <Stack gap={2}>
            {due.data.items.map((record) => (
              <Text key={record.id} size="sm">
                <Anchor component={Link} to={`/work-records/${record.id}`}>
                  {record.title}
                </Anchor>{' '}
                ({record.archiveDueDate ? formatIsoDate(record.archiveDueDate) : ''},{' '}
                {record.daysLeft >= 0
                  ? t('records.dueDays', { count: record.daysLeft })
                  : t('records.dueLate', { count: -record.daysLeft })}
                )
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('records.year')}
          data={recentYears(currentYear).map(String)}
          value={String(year)}
          onChange={(value) => {
            setParam('year', value);
          }}
          allowDeselect={false}
          w={110}
          data-testid="records-year"
        />
        <SegmentedControl
          value={state ?? 'all'}
          onChange={(value) => {
            setParam('state', value === 'all' ? null : value);
          }}
          data={[
            { value: 'all', label: t('records.stateAll') },
            { value: 'open', label: t('records.states.open') },
            { value: 'closed', label: t('records.states.closed') },
            { value: 'archived', label: t('records.states.archived') },
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          data-testid="records-state"
        />
        <TextInput
          type="search"
          aria-label={t('records.search')}
          placeholder={t('records.search')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
          }}
          maxLength={200}
          style={{ flex: '1 1 220px' }}
          data-testid="records-search"
        />
      </Group>

      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} rules={recordRules} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="records-empty">
          <Text ta="center" c="dimmed">
            {t('records.empty')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('records.shown', { count: items.length, total })}
          </Text>
          {items.map((record) => (
            <RecordCard key={record.id} record={record} />
          ))}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="light"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('records.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
      {opening && (
        <OpenRecordDialog
          year={year}
          onClose={() => {
            setOpening(false);
          }}
        />
      )}
    </Stack>
  );
}
