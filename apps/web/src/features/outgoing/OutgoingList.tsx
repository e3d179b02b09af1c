import { useDocTypeName } from '../documents/useDocTypes';
import { Anchor, Badge, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { OutgoingSummary } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate, formatIsoDateTime } from '../../i18n/format';
import { SecrecyBadge, UrgencyBadge } from '../incoming/Badges';
import { OutgoingStateBadge } from './Badges';

/** Rows may be ticked (the leader's "to sign" list, for batch signing). */
export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string, checked: boolean) => void;
  toggleAll: (checked: boolean) => void;
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Document type code → its name in the UI language (`official_letter` → Công văn). */
function useTypeName(): (code: string) => string {
  const name = useDocTypeName();
  return (code) => name(code);
}

function Reference({ item }: { item: OutgoingSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600} c={item.reference ? undefined : 'dimmed'} style={nowrap}>
        {item.reference ?? t('outgoing.list.noReference')}
      </Text>
      {item.issueDate && (
        <Text size="xs" c="dimmed">
          {formatIsoDate(item.issueDate)}
        </Text>
      )}
    </>
  );
}

export function OutgoingTable({
  items,
  selection,
}: {
  items: OutgoingSummary[];
  selection?: Selection | undefined;
}) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const all = items.length > 0 && items.every((item) => selection?.selected.has(item.id));
  const some = items.some((item) => selection?.selected.has(item.id));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="outgoing-table">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('outgoing.list.selectAll')}
                  checked={all}
                  indeterminate={some && !all}
                  onChange={(event) => {
                    selection.toggleAll(event.currentTarget.checked);
                  }}
                  data-testid="select-all"
                />
              </Table.Th>
            )}
            <Table.Th style={nowrap}>{t('outgoing.fields.reference')}</Table.Th>
            <Table.Th>{t('outgoing.fields.subject')}</Table.Th>
            <Table.Th style={nowrap}>{t('outgoing.fields.drafter')}</Table.Th>
            <Table.Th style={nowrap}>{t('outgoing.fields.signer')}</Table.Th>
            <Table.Th style={nowrap}>{t('outgoing.fields.updatedAt')}</Table.Th>
            <Table.Th style={nowrap}>{t('outgoing.fields.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="outgoing-row" data-id={item.id}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('outgoing.list.select', { subject: item.subject })}
                    checked={selection.selected.has(item.id)}
                    onChange={(event) => {
                      selection.toggle(item.id, event.currentTarget.checked);
                    }}
                    data-testid="select-row"
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Reference item={item} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Anchor
                    component={Link}
                    to={`/outgoing/${item.id}`}
                    size="sm"
                    fw={500}
                    lineClamp={3}
                  >
                    {item.subject}
                  </Anchor>
                  <Group gap={4}>
                    <Badge
                      variant="outline"
                      color="gray"
                      size="sm"
                      style={{ textTransform: 'none' }}
                    >
                      {typeName(item.docType)}
                    </Badge>
                    <UrgencyBadge urgency={item.urgency} />
                    <SecrecyBadge secrecy={item.secrecy} />
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm">{item.drafter.fullName}</Text>
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm">{item.signer.fullName}</Text>
              </Table.Td>
              <Table.Td style={nowrap}>
                <Text size="sm">{formatIsoDateTime(item.updatedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <OutgoingStateBadge state={item.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phone layout: one card per document; the checkbox sits beside the link, not inside it. */
export function OutgoingCards({
  items,
  selection,
}: {
  items: OutgoingSummary[];
  selection?: Selection | undefined;
}) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  return (
    <Stack gap="sm" data-testid="outgoing-cards">
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm" radius="md" data-testid="outgoing-card">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {selection && (
              <Checkbox
                mt={2}
                aria-label={t('outgoing.list.select', { subject: item.subject })}
                checked={selection.selected.has(item.id)}
                onChange={(event) => {
                  selection.toggle(item.id, event.currentTarget.checked);
                }}
                data-testid="select-row"
              />
            )}
            <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} c={item.reference ? undefined : 'dimmed'}>
                  {item.reference ?? t('outgoing.list.noReference')}
                </Text>
                <OutgoingStateBadge state={item.state} />
              </Group>
              <Anchor
                component={Link}
                to={`/outgoing/${item.id}`}
                size="sm"
                lineClamp={3}
                style={{ overflowWrap: 'anywhere' }}
              >
                {item.subject}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {typeName(item.docType)} · {item.signer.fullName} ·{' '}
                {formatIsoDateTime(item.updatedAt)}
              </Text>
              <Group gap={4}>
                <UrgencyBadge urgency={item.urgency} />
                <SecrecyBadge secrecy={item.secrecy} />
              </Group>
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
