import { Badge, Text } from '@mantine/core';
import type { IncomingState, IncomingSummary, Secrecy, Urgency } from '@vanban/contracts';
import { IconAlarm, IconClockExclamation, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format';
import { dueColors, dueStatus, stateColor, urgencyBadge } from './model';

const noCaps = { textTransform: 'none' } as const;

export function UrgencyBadge({
  urgency,
  showNormal = false,
}: {
  urgency: Urgency;
  showNormal?: boolean;
}) {
  const { t } = useTranslation();
  const look = urgencyBadge(urgency);
  if (!look) {
    return showNormal ? (
      <Badge variant="outline" color="gray" style={noCaps}>
        {t('incoming.urgency.normal')}
      </Badge>
    ) : null;
  }
  return (
    <Badge
      color={look.color}
      variant={look.variant}
      leftSection={<IconAlarm size={12} aria-hidden="true" />}
      style={noCaps}
      data-testid="urgency-badge"
    >
      {t(`incoming.urgency.${urgency}`)}
    </Badge>
  );
}

export function SecrecyBadge({ secrecy }: { secrecy: Secrecy }) {
  const { t } = useTranslation();
  if (secrecy === 'normal') return null;
  return (
    <Badge
      color="grape"
      variant="light"
      leftSection={<IconLock size={12} aria-hidden="true" />}
      style={noCaps}
    >
      {t(`incoming.secrecy.${secrecy}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: IncomingState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={stateColor(state)}
      variant="light"
      style={noCaps}
      data-testid="state-badge"
      data-state={state}
    >
      {t(`incoming.states.${state}`)}
    </Badge>
  );
}

/** Due date: red when overdue, orange when due soon, with the reason spelled out (not by colour only). */
export function DueDate({
  item,
  size = 'sm',
}: {
  item: Pick<IncomingSummary, 'dueDate' | 'overdue' | 'dueSoon'>;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const status = dueStatus(item);
  if (item.dueDate === null) {
    return (
      <Text size={size} c="dimmed">
        {t('incoming.due.none')}
      </Text>
    );
  }
  return (
    <Text
      size={size}
      c={dueColors[status]}
      fw={status === 'overdue' || status === 'soon' ? 600 : undefined}
      span
      data-due={status}
      style={{ whiteSpace: 'nowrap' }}
    >
      {(status === 'overdue' || status === 'soon') && (
        <IconClockExclamation
          size={14}
          aria-hidden="true"
          style={{ verticalAlign: '-2px', marginRight: 2 }}
        />
      )}
      {formatIsoDate(item.dueDate)}
      {status === 'overdue' && ` · ${t('incoming.due.overdue')}`}
      {status === 'soon' && ` · ${t('incoming.due.soon')}`}
    </Text>
  );
}
