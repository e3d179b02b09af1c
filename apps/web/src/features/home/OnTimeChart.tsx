import { Box, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { incomingStatsSchema } from '@vanban/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../app/api';
import { incomingKeys } from '../incoming/queries';
import { barLayout, monthParts } from './onTimeChart';

const months = 6;
const onTimeColor = 'var(--mantine-color-green-6)';
const lateColor = 'var(--mantine-color-red-6)';

function useIncomingStats() {
  return useQuery({
    queryKey: [...incomingKeys.all, 'stats', months] as const,
    queryFn: ({ signal }) =>
      request(`/api/incoming/stats?months=${String(months)}`, incomingStatsSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={12} h={12} style={{ background: color, borderRadius: 2 }} aria-hidden="true" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/**
 * Home: the share of incoming documents completed on time over the last six months, with
 * stacked bars per month (on time green, late red) drawn in plain SVG. Screen readers get the
 * summary and a table with every figure instead of the drawing.
 */
export function OnTimeChart() {
  const { t, i18n } = useTranslation();
  const stats = useIncomingStats();
  const summaryId = useId();

  if (stats.isError) {
    return (
      <Text size="sm" c="red">
        {t('home.onTime.failed')}
      </Text>
    );
  }
  const data = stats.data;
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  // Month names come from the messages: "T3" / "Tháng 3/2026" in Vietnamese, "Mar 2026" in English.
  const monthNames = t('home.onTime.monthNames', { returnObjects: true });
  const label = (month: string, form: 'monthShort' | 'monthLong') => {
    const parts = monthParts(month);
    const name = monthNames[parts.month - 1] ?? String(parts.month);
    return t(`home.onTime.${form}`, { month: name, year: parts.year });
  };
  const layout = barLayout(data?.months ?? []);
  const rate = data?.onTimeRate ?? null;

  return (
    <Stack gap="sm" data-testid="home-on-time-chart">
      <Text size="sm" c="dimmed">
        {data?.scope === 'visible'
          ? t('home.onTime.introVisible', { months })
          : t('home.onTime.introAgency', { months })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="xs" justify="center">
          {rate === null ? (
            <Text size="sm" c="dimmed" data-testid="home-on-time-rate">
              {data ? t('home.onTime.noRate', { months }) : '–'}
            </Text>
          ) : (
            <Group gap="xs" align="baseline" wrap="nowrap">
              <Text fz={36} fw={700} lh={1} data-testid="home-on-time-rate">
                {percent.format(rate)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('home.onTime.rateLabel')}
              </Text>
            </Group>
          )}
          {data && data.completed > 0 && (
            <Text size="sm" id={summaryId}>
              {t('home.onTime.summary', {
                completed: data.completed,
                onTime: data.onTime,
                late: data.late,
              })}
            </Text>
          )}
          <Group gap="md">
            <Swatch color={onTimeColor} label={t('home.onTime.onTime')} />
            <Swatch color={lateColor} label={t('home.onTime.late')} />
          </Group>
        </Stack>
        <Box maw={420} w="100%">
          <svg
            viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
            width="100%"
            style={{ display: 'block', height: 'auto' }}
            aria-hidden="true"
            focusable="false"
            data-testid="home-on-time-svg"
          >
            <line
              x1={0}
              x2={layout.width}
              y1={layout.top}
              y2={layout.top}
              stroke="var(--mantine-color-gray-3)"
              strokeDasharray="3 3"
            />
            <text x={0} y={layout.top - 4} fontSize={10} fill="var(--mantine-color-dimmed)">
              {layout.max}
            </text>
            {layout.bars.map((bar) => (
              <g key={bar.month}>
                <title>
                  {t('home.onTime.barTitle', {
                    month: label(bar.month, 'monthLong'),
                    onTime: bar.counts.onTime,
                    late: bar.counts.late,
                  })}
                </title>
                {bar.onTime.height > 0 && (
                  <rect
                    x={bar.x}
                    y={bar.onTime.y}
                    width={bar.width}
                    height={bar.onTime.height}
                    fill={onTimeColor}
                  />
                )}
                {bar.late.height > 0 && (
                  <rect
                    x={bar.x}
                    y={bar.late.y}
                    width={bar.width}
                    height={bar.late.height}
                    fill={lateColor}
                  />
                )}
                {bar.total > 0 && (
                  <text
                    x={bar.center}
                    y={bar.late.y - 4}
                    fontSize={11}
                    textAnchor="middle"
                    fill="var(--mantine-color-text)"
                  >
                    {bar.total}
                  </text>
                )}
                <text
                  x={bar.center}
                  y={layout.baseline + 15}
                  fontSize={11}
                  textAnchor="middle"
                  fill="var(--mantine-color-dimmed)"
                >
                  {label(bar.month, 'monthShort')}
                </text>
              </g>
            ))}
            <line
              x1={0}
              x2={layout.width}
              y1={layout.baseline}
              y2={layout.baseline}
              stroke="var(--mantine-color-gray-5)"
            />
          </svg>
        </Box>
      </SimpleGrid>
      {data && (
        <VisuallyHidden>
          <Table aria-describedby={data.completed > 0 ? summaryId : undefined}>
            <caption>{t('home.onTime.tableCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('home.onTime.month')}</Table.Th>
                <Table.Th scope="col">{t('home.onTime.completed')}</Table.Th>
                <Table.Th scope="col">{t('home.onTime.onTime')}</Table.Th>
                <Table.Th scope="col">{t('home.onTime.late')}</Table.Th>
                <Table.Th scope="col">{t('home.onTime.overdueOpen')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row">{label(m.month, 'monthLong')}</Table.Th>
                  <Table.Td>{m.completed}</Table.Td>
                  <Table.Td>{m.onTime}</Table.Td>
                  <Table.Td>{m.late}</Table.Td>
                  <Table.Td>{m.overdueOpen}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      )}
    </Stack>
  );
}
