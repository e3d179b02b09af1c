import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileUpload, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { DateField } from '../../components/DateField';
import { formatIsoDate, toIsoDate } from '../../i18n/format';
import { directoryLimit, exportUrl, useDirectory } from './agencyQueries';
import { buildAgencyTree, countNodes, filterTree, versionsOn } from './agencyTree';
import { AgencyTree } from './AgencyTree';
import { ErrorAlert } from './ErrorAlert';
import { useDownload } from './useDownload';

function ExportMenu({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const download = useDownload();
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            loading={download.pendingKey !== null}
          >
            {t('admin.agencies.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(['csv', 'json'] as const).map((format) => (
            <Menu.Item
              key={format}
              onClick={() => {
                download.start({
                  key: format,
                  path: exportUrl(format, asOf),
                  fileName: `agencies_${asOf}.${format}`,
                });
              }}
            >
              {t(`admin.agencies.exportAs.${format}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {download.error && <ErrorAlert error={download.error} />}
    </>
  );
}

/** `/admin/agencies`: the directory as a tree on a chosen date, searchable by name or code. */
export function AgenciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.agencies.title'));
  const [params, setParams] = useSearchParams();
  const today = toIsoDate(new Date());
  const asOf = params.get('asOf') ?? today;
  const showClosed = params.get('closed') !== '0';
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(query, 200);
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null);
  const directory = useDirectory(asOf, showClosed);

  const setParam = (key: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  const tree = useMemo(() => {
    const entries = versionsOn(directory.data?.items ?? [], asOf);
    return buildAgencyTree(showClosed ? entries : entries.filter((entry) => !entry.closed));
  }, [directory.data, asOf, showClosed]);
  const shown = useMemo(() => filterTree(tree, debounced), [tree, debounced]);
  const searching = debounced.trim() !== '';
  // Roots start open so that the first level under the city shows at once.
  const open = expanded ?? new Set(tree.map((node) => node.agency.id));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t('admin.agencies.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('admin.agencies.intro')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ExportMenu asOf={asOf} />
          <Button
            component={Link}
            to="/admin/import"
            leftSection={<IconFileUpload size={16} aria-hidden="true" />}
          >
            {t('admin.agencies.import')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('admin.agencies.search')}
            placeholder={t('admin.agencies.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setParam('q', event.currentTarget.value || null);
            }}
            data-testid="agency-search"
          />
          <DateField
            label={t('admin.agencies.asOf')}
            description={t('admin.agencies.asOfHint')}
            value={asOf}
            clearable={false}
            onChange={(value) => {
              setParam('asOf', value && value !== today ? value : null);
            }}
            data-testid="agency-as-of"
          />
          <Switch
            label={t('admin.agencies.showClosed')}
            checked={showClosed}
            onChange={(event) => {
              setParam('closed', event.currentTarget.checked ? null : '0');
            }}
            mt={{ base: 0, lg: 'xl' }}
            data-testid="agency-show-closed"
          />
        </SimpleGrid>
      </Paper>
      {directory.isError && (
        <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />
      )}
      {directory.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="agency-count">
            {t('admin.agencies.count', { count: countNodes(shown), date: formatIsoDate(asOf) })}
          </Text>
          {(directory.data?.items.length ?? 0) >= directoryLimit && (
            <Alert color="yellow" variant="light">
              {t('admin.agencies.truncated', { limit: directoryLimit })}
            </Alert>
          )}
          {shown.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              {t('admin.agencies.empty')}
            </Text>
          ) : (
            <AgencyTree
              label={t('admin.agencies.treeLabel')}
              nodes={shown}
              expanded={open}
              expandAll={searching}
              asOf={asOf}
              onToggle={(id) => {
                setExpanded(() => {
                  const next = new Set(open);
                  if (next.has(id)) next.delete(id);
                  else next.add(id);
                  return next;
                });
              }}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
