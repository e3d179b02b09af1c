import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { agencyTierValues } from '@vanban/contracts';
import type { AgencyTier, DashboardScope } from '@vanban/contracts';
import { IconDownload, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { DateField } from '../../components/DateField';
import { formatIsoDate } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { useDownload } from '../admin/useDownload';
import { vietnamToday } from '../work/isoWeek';
import { OverdueSection } from './OverdueSection';
import { dashboardQuery, useDashboardRanking, useDashboardSummary } from './queries';
import type { DashboardParams } from './queries';
import { dashboardRules } from './rules';
import { ShareBars } from './ShareBars';

function Kpi({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** `/dashboards`: figures for a scope and period, per tier, ranking, drill-down and export. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dashboards.title'));
  const me = useSession();
  const wide = useMediaQuery('(min-width: 30em)', true, { getInitialValueInEffect: false });
  const today = vietnamToday();
  const [scope, setScope] = useState<DashboardScope>('agency');
  const [tier, setTier] = useState<AgencyTier>('department');
  const [subtree, setSubtree] = useState(true);
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(today);
  const [by, setBy] = useState<'online_share' | 'on_time_rate'>('online_share');
  const [drill, setDrill] = useState<string | null>(null);
  const params: DashboardParams = {
    scope,
    agency: me.agency.code,
    tier,
    subtree,
    from: from ?? undefined,
    to: to ?? undefined,
  };
  const summary = useDashboardSummary(params);
  const ranking = useDashboardRanking(params, by);
  const download = useDownload();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const rate = (value: number | null) => (value === null ? '—' : percent.format(value));
  const total = summary.data?.total;
  const overdueByAgency = new Map(
    (summary.data?.agencies ?? []).map((agency) => [
      agency.code,
      agency.metrics.incoming.overdue + agency.metrics.tasks.overdue,
    ]),
  );

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {t('dashboards.title')}
        </Title>
        <Group gap="xs">
          {userRoles(me).has('admin') && (
            <Button
              component={Link}
              to="/admin/targets"
              variant="default"
              leftSection={<IconTarget size={16} aria-hidden="true" />}
              data-testid="dashboard-targets-link"
            >
              {t('settings.targets.link')}
            </Button>
          )}
          {(['xlsx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
              loading={download.pendingKey === format}
              onClick={() => {
                download.start({
                  key: format,
                  path: `/api/dashboards/export${dashboardQuery(params, { format })}`,
                  fileName: `thong-ke.${format}`,
                });
              }}
              data-testid={`dashboard-export-${format}`}
            >
              {format === 'xlsx' ? t('dashboards.exportXlsx') : t('dashboards.exportPdf')}
            </Button>
          ))}
        </Group>
      </Group>

      <Paper withBorder radius="md" p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={4} maw="100%">
            <Text size="sm" fw={500}>
              {t('dashboards.scope')}
            </Text>
            <SegmentedControl
              // Three labels do not fit a 360 px phone at the default size.
              size={wide ? 'sm' : 'xs'}
              value={scope}
              onChange={(value) => {
                setScope(value === 'tier' ? 'tier' : value === 'city' ? 'city' : 'agency');
                setDrill(null);
              }}
              data={(['agency', 'tier', 'city'] as const).map((value) => ({
                value,
                label: t(`dashboards.scopes.${value}`),
              }))}
              data-testid="dashboard-scope"
            />
          </Stack>
          {scope === 'tier' && (
            <Select
              label={t('dashboards.tier')}
              data={agencyTierValues.map((value) => ({
                value,
                label: t(`dashboards.tiers.${value}`),
              }))}
              value={tier}
              onChange={(value) => {
                if (value) setTier(value as AgencyTier);
              }}
              allowDeselect={false}
              w={200}
            />
          )}
          {scope === 'agency' && (
            <Switch
              label={t('dashboards.subtree')}
              checked={subtree}
              onChange={(event) => {
                setSubtree(event.currentTarget.checked);
              }}
              mb={6}
            />
          )}
          <DateField label={t('dashboards.from')} value={from} onChange={setFrom} w={160} />
          <DateField label={t('dashboards.to')} value={to} onChange={setTo} w={160} />
        </Group>
      </Paper>
      {download.error && <ErrorAlert error={download.error} rules={dashboardRules} />}

      {summary.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : summary.isError ? (
        <ErrorAlert error={summary.error} rules={dashboardRules} />
      ) : (
        total && (
          <>
            <Text size="sm" c="dimmed">
              {t('dashboards.period', {
                from: formatIsoDate(summary.data.from),
                to: formatIsoDate(summary.data.to),
                cut: formatIsoDate(summary.data.cutDate),
              })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="dashboard-kpis">
              <Kpi
                label={t('dashboards.kpi.received')}
                value={number.format(total.incoming.received)}
                testId="kpi-received"
              />
              <Kpi
                label={t('dashboards.kpi.issued')}
                value={number.format(total.outgoing.issued)}
                testId="kpi-issued"
              />
              <Kpi
                label={t('dashboards.kpi.inProgress')}
                value={number.format(total.incoming.inProgress + total.tasks.inProgress)}
                testId="kpi-in-progress"
              />
              <Kpi
                label={t('dashboards.kpi.overdue')}
                value={number.format(total.incoming.overdue + total.tasks.overdue)}
                color="red"
                testId="kpi-overdue"
              />
              <Kpi
                label={t('dashboards.kpi.onTimeRate')}
                value={rate(total.incoming.onTimeRate)}
                color="green"
                testId="kpi-on-time"
              />
              <Kpi
                label={t('dashboards.kpi.averageDays')}
                value={
                  total.incoming.averageHandlingDays === null
                    ? '—'
                    : t('dashboards.kpi.days', {
                        value: number.format(total.incoming.averageHandlingDays),
                      })
                }
                testId="kpi-average"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Paper withBorder radius="md" p="md">
                <Title order={2} fz="h4" mb="sm">
                  {t('dashboards.tasksTitle')}
                </Title>
                <Stack gap={6} data-testid="dashboard-tasks">
                  {(
                    ['assigned', 'inProgress', 'overdue', 'onTime', 'late', 'cancelled'] as const
                  ).map((key) => (
                    <Group key={key} justify="space-between" gap="xs">
                      <Text size="sm">{t(`dashboards.taskStates.${key}`)}</Text>
                      <Text
                        size="sm"
                        fw={600}
                        c={key === 'overdue' ? 'red' : undefined}
                        data-testid={`dashboard-tasks-${key}`}
                      >
                        {number.format(total.tasks[key])}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Paper>
              <Paper withBorder radius="md" p="md">
                <Title order={2} fz="h4" mb="sm">
                  {t('dashboards.onlineTitle')}
                </Title>
                <ShareBars tiers={summary.data.tiers} />
              </Paper>
            </SimpleGrid>
          </>
        )
      )}

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h4">
            {t('dashboards.rankingTitle')}
          </Title>
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(value) => {
              setBy(value === 'on_time_rate' ? 'on_time_rate' : 'online_share');
            }}
            data={[
              { value: 'online_share', label: t('dashboards.rankBy.online_share') },
              { value: 'on_time_rate', label: t('dashboards.rankBy.on_time_rate') },
            ]}
          />
        </Group>
        {ranking.isError ? (
          <ErrorAlert error={ranking.error} rules={dashboardRules} />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped fz="sm" data-testid="dashboard-ranking">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboards.columns.rank')}</Table.Th>
                  <Table.Th>{t('dashboards.columns.agency')}</Table.Th>
                  <Table.Th ta="right">{t('dashboards.columns.onlineShare')}</Table.Th>
                  <Table.Th ta="right">{t('dashboards.columns.onTimeRate')}</Table.Th>
                  <Table.Th ta="right">{t('dashboards.columns.overdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(ranking.data?.items ?? []).map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.rank ?? t('dashboards.unranked')}</Table.Td>
                    <Table.Td>{item.name}</Table.Td>
                    <Table.Td ta="right">{rate(item.onlineShare)}</Table.Td>
                    <Table.Td ta="right">{rate(item.onTimeRate)}</Table.Td>
                    <Table.Td ta="right">
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => {
                          setDrill(item.code);
                        }}
                        data-testid="dashboard-drill"
                      >
                        {overdueByAgency.get(item.code) ?? t('dashboards.overdueShow')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {drill && <OverdueSection agency={drill} to={to ?? undefined} />}
    </Stack>
  );
}
