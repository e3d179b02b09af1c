import { Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/ErrorAlert';
import { usePublicOnTime } from './queries';
import { publicRules } from './rules';

const months = 12;

/** Incoming documents handled on time, month by month (confidential ones never counted). */
export function PublicOnTimeSection({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const stats = usePublicOnTime(code, months);
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const data = stats.data;
  return (
    <Paper withBorder radius="md" p="md" data-testid="public-on-time">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('publicPage.onTimeTitle')}
        </Title>
        {stats.isError ? (
          <ErrorAlert error={stats.error} rules={publicRules} />
        ) : !data ? null : data.onTimeRate === null ? (
          <Text size="sm" c="dimmed">
            {t('publicPage.onTimeNone')}
          </Text>
        ) : (
          <>
            <Group gap="sm" align="baseline">
              <Text fz={32} fw={700} lh={1} data-testid="public-on-time-rate">
                {percent.format(data.onTimeRate)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('publicPage.onTimeSummary', {
                  onTime: data.onTime,
                  completed: data.completed,
                  months,
                })}
              </Text>
            </Group>
            <Progress value={data.onTimeRate * 100} color="green" aria-hidden="true" />
            <Table.ScrollContainer minWidth={420}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('publicPage.month')}</Table.Th>
                    <Table.Th ta="right">{t('publicPage.completed')}</Table.Th>
                    <Table.Th ta="right">{t('publicPage.onTime')}</Table.Th>
                    <Table.Th ta="right">{t('publicPage.late')}</Table.Th>
                    <Table.Th ta="right">{t('publicPage.overdueOpen')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.months.map((month) => (
                    <Table.Tr key={month.month}>
                      <Table.Td>
                        {month.month.slice(5)}/{month.month.slice(0, 4)}
                      </Table.Td>
                      <Table.Td ta="right">{month.completed}</Table.Td>
                      <Table.Td ta="right">{month.onTime}</Table.Td>
                      <Table.Td ta="right">{month.late}</Table.Td>
                      <Table.Td ta="right">{month.overdueOpen}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
