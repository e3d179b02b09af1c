import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import type { DashboardSummary } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Online share per tier as horizontal bars (Mantine Progress, like the home chart's plain
 * drawing) with the tier's target as a vertical mark; the figures are also in the text.
 */
export function ShareBars({ tiers }: { tiers: DashboardSummary['tiers'] }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (
    <Stack gap="sm" data-testid="dashboard-online">
      {tiers.map(({ tier, metrics }) => {
        const { onlineShare, targetPercent, closed, online, meetsTarget } = metrics.records;
        return (
          <Stack key={tier} gap={4} data-testid="dashboard-online-tier" data-tier={tier}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {t(`dashboards.tiers.${tier}`)}
              </Text>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {onlineShare === null ? t('dashboards.noRecords') : percent.format(onlineShare)}
                </Text>
                {meetsTarget !== null && (
                  <Badge color={meetsTarget ? 'green' : 'orange'} variant="light" size="sm">
                    {meetsTarget ? t('dashboards.meets') : t('dashboards.misses')}
                  </Badge>
                )}
              </Group>
            </Group>
            <Box pos="relative">
              <Progress
                value={(onlineShare ?? 0) * 100}
                size="lg"
                color={meetsTarget === false ? 'orange' : 'teal'}
                aria-hidden="true"
              />
              {targetPercent !== null && (
                <Box
                  pos="absolute"
                  top={-3}
                  bottom={-3}
                  left={`${String(targetPercent)}%`}
                  w={2}
                  bg="var(--mantine-color-dark-6)"
                  aria-hidden="true"
                />
              )}
            </Box>
            <Text size="xs" c="dimmed">
              {t('dashboards.onlineRow', {
                online,
                closed,
                target:
                  targetPercent === null ? t('dashboards.noTarget') : `${String(targetPercent)} %`,
              })}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
