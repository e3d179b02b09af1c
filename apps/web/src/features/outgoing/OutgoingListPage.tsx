import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { OutgoingSummary, OutgoingView } from '@vanban/contracts';
import {
  IconAlertCircle,
  IconFilePlus,
  IconInbox,
  IconSearch,
  IconSignature,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { BatchSignDialog } from './BatchSignDialog';
import { OutgoingCards, OutgoingTable } from './OutgoingList';
import type { Selection } from './OutgoingList';
import { OutgoingViewNav } from './OutgoingViewNav';
import { outgoingErrorMessage } from './problems';
import { useOutgoingList } from './queries';
import { RegisterExport } from './RegisterExport';

const wideQuery = '(min-width: 62em)';

/** Ticked rows of the "to sign" list; ids no longer listed drop out. */
function useSelection(ids: readonly string[]): Selection & { clear: () => void } {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const key = ids.join(',');
  useEffect(() => {
    setSelected((current) => new Set([...current].filter((id) => ids.includes(id))));
  }, [key]);
  return {
    selected,
    toggle: (id, checked) => {
      setSelected((current) => {
        const next = new Set(current);
        if (checked) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    toggleAll: (checked) => {
      setSelected(checked ? new Set(ids) : new Set());
    },
    clear: () => {
      setSelected(new Set());
    },
  };
}

export function OutgoingListPage({ view }: { view: OutgoingView }) {
  const { t } = useTranslation();
  const me = useSession();
  const roles = userRoles(me);
  const title = t(`outgoing.views.${view}`);
  usePageTitle(`${title} · ${t('nav.outgoing')}`);
  const wide = useMediaQuery(wideQuery, true, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  const list = useOutgoingList({ view, q: q || undefined });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const selectable = view === 'to_sign';
  const selection = useSelection(selectable ? items.map((item) => item.id) : []);
  /** The documents in the batch, fixed when the dialog opens (signed ones leave the list). */
  const [signing, setSigning] = useState<OutgoingSummary[] | null>(null);

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);

  const chosen = items.filter((item) => selection.selected.has(item.id));

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('nav.outgoing')}
          </Text>
          <Title order={1} fz="h2" data-testid="outgoing-list-title">
            {title}
          </Title>
        </Stack>
        <Group gap="xs">
          {roles.has('clerk') && <RegisterExport />}
          <Button
            component={Link}
            to="/outgoing/new"
            leftSection={<IconFilePlus size={18} aria-hidden="true" />}
            data-testid="outgoing-new"
          >
            {t('outgoing.list.new')}
          </Button>
        </Group>
      </Group>

      <TextInput
        type="search"
        aria-label={t('outgoing.list.searchLabel')}
        placeholder={t('outgoing.list.search')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
        maxLength={200}
        data-testid="outgoing-search"
      />
      <OutgoingViewNav current={view} />

      {selectable && items.length > 0 && (
        <Paper withBorder radius="md" p="sm" data-testid="batch-bar">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('outgoing.list.selected', { count: chosen.length })}
            </Text>
            <Button
              leftSection={<IconSignature size={16} aria-hidden="true" />}
              disabled={chosen.length === 0}
              onClick={() => {
                setSigning(chosen);
              }}
              data-testid="batch-sign"
            >
              {t('outgoing.batch.sign', { count: chosen.length })}
            </Button>
          </Group>
        </Paper>
      )}

      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : list.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {outgoingErrorMessage(t, list.error)}
          <Button variant="subtle" size="compact-sm" ml="sm" onClick={() => void list.refetch()}>
            {t('errors.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="outgoing-empty">
          <Stack align="center" gap="xs" ta="center">
            <IconInbox
              size={40}
              stroke={1.4}
              aria-hidden="true"
              color="var(--mantine-color-gray-5)"
            />
            <Text fw={500}>{q ? t('outgoing.list.emptySearch') : t('outgoing.list.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('outgoing.list.shown', { count: items.length })}
          </Text>
          {wide ? (
            <OutgoingTable items={items} selection={selectable ? selection : undefined} />
          ) : (
            <OutgoingCards items={items} selection={selectable ? selection : undefined} />
          )}
          {list.hasNextPage && (
            <Center>
              <Button
                variant="light"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="outgoing-load-more"
              >
                {t('outgoing.list.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      )}

      {signing && (
        <BatchSignDialog
          items={signing}
          onClose={() => {
            setSigning(null);
            selection.clear();
          }}
        />
      )}
    </Stack>
  );
}
