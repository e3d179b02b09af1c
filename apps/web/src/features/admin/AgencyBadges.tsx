import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { Agency } from '@vanban/contracts';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate } from '../../i18n/format';

const badgeStyle = { textTransform: 'none' } as const;

export function LevelBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color="gray" style={badgeStyle}>
      {t('admin.agencies.level', { level })}
    </Badge>
  );
}

export function ClosedBadge({ validTo }: { validTo: string | null }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color="red" style={badgeStyle} data-testid="agency-closed">
      {validTo
        ? t('admin.agencies.closedOn', { date: formatIsoDate(validTo) })
        : t('admin.agencies.closed')}
    </Badge>
  );
}

/** "Chia tách thành: A, B" — links to the agencies that took over from a closed one. */
export function SuccessorLinks({
  links,
  direction,
}: {
  links: Agency['successors'];
  direction: 'successors' | 'predecessors';
}) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  const kinds = [...new Set(links.map((link) => link.kind))];
  return (
    <>
      {kinds.map((kind) => (
        <Group key={kind} gap={6} wrap="wrap" data-testid={`agency-${direction}`}>
          {direction === 'successors' && <IconArrowRight size={14} aria-hidden="true" />}
          <Text size="xs" c="dimmed">
            {t(`admin.agencies.${direction}.${kind}`)}
          </Text>
          {links
            .filter((link) => link.kind === kind)
            .map((link) => (
              <Anchor
                key={link.agencyId}
                component={Link}
                to={`/admin/agencies/${link.agencyId}`}
                size="xs"
                title={link.code}
              >
                {link.name || link.code}
              </Anchor>
            ))}
        </Group>
      ))}
    </>
  );
}
