import {
  Alert,
  Anchor,
  Card,
  Center,
  Group,
  Loader,
  Pagination,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { incomingSearchResponseSchema } from '@vanban/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { describeError } from '../../app/errors';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDate } from '../../i18n/format';
import { DueDate, SecrecyBadge, StateBadge, UrgencyBadge } from './Badges';
import { HighlightedText } from './HighlightedText';
import { IncomingSearchBox } from './IncomingSearchBox';
import { IncomingViewNav } from './IncomingViewNav';
import { formatNumber } from './model';
import { searchPageSize, useIncomingSearch } from './queries';

type SearchItem = z.infer<typeof incomingSearchResponseSchema>['items'][number];

/** The largest offset the API accepts. */
const maxOffset = 1000;

function Field({
  item,
  field,
  fallback,
}: {
  item: SearchItem;
  field: 'subject' | 'reference' | 'sender';
  fallback: string;
}) {
  const highlight = item.highlights.find((h) => h.field === field);
  return highlight ? <HighlightedText text={highlight.text} ranges={highlight.ranges} /> : fallback;
}

function Result({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  const content = item.highlights.find((h) => h.field === 'content');
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="search-result">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text size="sm" fw={600}>
            <Field item={item} field="reference" fallback={item.reference} />
            <Text span size="sm" c="dimmed" fw={400}>
              {' · '}
              {formatIsoDate(item.issueDate)}
            </Text>
          </Text>
          <Group gap={4}>
            <UrgencyBadge urgency={item.urgency} />
            <SecrecyBadge secrecy={item.secrecy} />
            <StateBadge state={item.state} />
          </Group>
        </Group>
        <Anchor component={Link} to={`/incoming/${item.id}`} fw={500}>
          <Field item={item} field="subject" fallback={item.subject} />
        </Anchor>
        <Text size="sm" c="dimmed">
          <Field item={item} field="sender" fallback={item.senderName} />
        </Text>
        {content && (
          <Text size="sm" c="dark.4" fs="italic" style={{ overflowWrap: 'anywhere' }}>
            {t('incoming.search.inContent')}{' '}
            <HighlightedText text={content.text} ranges={content.ranges} />
          </Text>
        )}
        <Group gap="md" justify="space-between">
          <Text size="xs" c="dimmed">
            {item.arrivalNumber !== null
              ? t('incoming.list.arrivalShort', { number: formatNumber(item.arrivalNumber) })
              : t('incoming.states.received')}
          </Text>
          <DueDate item={item} size="xs" />
        </Group>
      </Stack>
    </Card>
  );
}

export function IncomingSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const offset = Math.min(Math.max(Number(params.get('offset')) || 0, 0), maxOffset);
  usePageTitle(q ? t('incoming.search.titleFor', { q }) : t('incoming.search.title'));
  const search = useIncomingSearch({ q, offset });
  const total = search.data?.total ?? 0;
  const pages = Math.max(
    1,
    Math.ceil(Math.min(total, maxOffset + searchPageSize) / searchPageSize),
  );
  const page = Math.floor(offset / searchPageSize) + 1;

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('nav.incoming')}
        </Text>
        <Title order={1} fz="h2">
          {t('incoming.search.title')}
        </Title>
      </Stack>
      <IncomingSearchBox key={q} initial={q} />
      <IncomingViewNav />
      {q === '' ? (
        <Text c="dimmed">{t('incoming.search.hint')}</Text>
      ) : search.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : search.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {describeError(t, search.error)}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="search-total">
            {t('incoming.search.total', {
              // The server stops counting at 1,000 matches (docs/performance.md, finding 2).
              count: search.data.totalCapped ? `${total}+` : total,
              q,
            })}
          </Text>
          {search.data.items.map((item) => (
            <Result key={item.id} item={item} />
          ))}
          {pages > 1 && (
            <Center>
              <Pagination
                total={pages}
                value={page}
                onChange={(next) => {
                  const nextParams = new URLSearchParams(params);
                  nextParams.set('offset', String((next - 1) * searchPageSize));
                  setParams(nextParams);
                  window.scrollTo({ top: 0 });
                }}
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'previous'
                      ? t('incoming.search.previous')
                      : control === 'next'
                        ? t('incoming.search.next')
                        : control,
                })}
                getItemProps={(item) => ({
                  'aria-label': t('incoming.search.page', { page: item }),
                })}
              />
            </Center>
          )}
        </Stack>
      )}
    </Stack>
  );
}
