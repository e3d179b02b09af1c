import {
  Badge,
  Center,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { agencyTierValues } from '@vanban/contracts';
import type { DashboardTargets } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDateTime } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { targetRules } from './errors';
import { targetsBody, targetsForm, targetValid } from './model';
import { useDashboardTargets, useSaveDashboardTargets } from './queries';
import { SaveBar } from './SaveBar';
import { useSettingsForm } from './useSettingsForm';

function Editor({ targets }: { targets: DashboardTargets }) {
  const { t } = useTranslation();
  const save = useSaveDashboardTargets();
  const { form, saved, feedback, update, submit, reset } = useSettingsForm({
    settings: targets,
    toForm: targetsForm,
    save,
    rules: targetRules,
  });
  const body = targetsBody(targets, form);
  const valid = agencyTierValues.every((tier) => targetValid(form[tier]));

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={0}>
        <Table verticalSpacing="xs" data-testid="targets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.targets.tier')}</Table.Th>
              <Table.Th w={140}>{t('settings.targets.percent')}</Table.Th>
              <Table.Th visibleFrom="xs">{t('settings.targets.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencyTierValues.map((tier) => (
              <Table.Tr key={tier}>
                <Table.Td>
                  <Text size="sm">{t(`dashboards.tiers.${tier}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('settings.targets.percent')} — ${t(`dashboards.tiers.${tier}`)}`}
                    placeholder={t('settings.targets.none')}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    suffix=" %"
                    value={form[tier]}
                    onChange={(value) => {
                      update((current) => ({
                        ...current,
                        [tier]: typeof value === 'number' ? value : '',
                      }));
                    }}
                    error={targetValid(form[tier]) ? undefined : t('settings.targets.invalid')}
                    data-testid={`targets-${tier}`}
                  />
                </Table.Td>
                <Table.Td visibleFrom="xs">
                  <Badge
                    variant="light"
                    color={targets.sources[tier] === 'configured' ? 'blue' : 'gray'}
                    style={{ textTransform: 'none' }}
                  >
                    {t(`settings.targets.sources.${targets.sources[tier]}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {targets.updatedAt && (
        <Text size="xs" c="dimmed">
          {t('settings.updatedAt', { time: formatIsoDateTime(targets.updatedAt) })}
        </Text>
      )}
      <SaveBar
        dirty={body !== null}
        saved={saved}
        pending={save.isPending}
        disabled={!valid}
        feedback={feedback}
        error={save.error}
        onSave={() => {
          if (body && valid) submit(body);
        }}
        onReset={reset}
        testId="targets"
      />
    </Stack>
  );
}

/**
 * `/admin/targets`: the city's per-tier targets for the share of work records processed online.
 * Every administrator sees them; only one of a top-level agency may save (the API says so).
 */
export function DashboardTargetsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.targets.title'));
  const targets = useDashboardTargets();
  return (
    <Stack gap="md" maw={720}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {t('settings.targets.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {t('settings.targets.intro')}
      </Text>
      {targets.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : targets.isError ? (
        <ErrorAlert error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <Editor targets={targets.data} />
      )}
    </Stack>
  );
}
