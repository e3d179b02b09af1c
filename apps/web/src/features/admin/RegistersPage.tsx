import { Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { DateField } from '../../components/DateField';
import { toIsoDate } from '../../i18n/format';
import { ErrorAlert } from './ErrorAlert';
import type { CodeRule } from './problems';
import { useDownload } from './useDownload';

const outgoingSeries = ['outgoing', 'outgoing_legal', 'outgoing_secret'] as const;
type OutgoingSeries = (typeof outgoingSeries)[number];
const formats = ['xlsx', 'pdf'] as const;

const rules: Partial<Record<string, CodeRule<never>>> = {
  [errorCodes.incomingForbidden]: { message: 'admin.registers.errors.forbidden' },
  'outgoing.forbidden': { message: 'admin.registers.errors.forbidden' },
  [errorCodes.validationFailed]: { message: 'admin.registers.errors.range' },
  [errorCodes.notFound]: { message: 'admin.registers.errors.unavailable' },
};

function RegisterCard({
  title,
  description,
  options,
  onDownload,
  pendingFormat,
  testId,
}: {
  title: string;
  description: string;
  options: ReactNode;
  onDownload: (format: (typeof formats)[number]) => void;
  pendingFormat: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {options}
        <Group gap="xs">
          {formats.map((format) => (
            <Button
              key={format}
              variant={format === 'xlsx' ? 'filled' : 'light'}
              leftSection={
                format === 'xlsx' ? (
                  <IconFileSpreadsheet size={16} aria-hidden="true" />
                ) : (
                  <IconFileTypePdf size={16} aria-hidden="true" />
                )
              }
              loading={pendingFormat === format}
              disabled={pendingFormat !== null && pendingFormat !== format}
              onClick={() => {
                onDownload(format);
              }}
              data-testid={`${testId}-${format}`}
            >
              {t(`admin.registers.download.${format}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** `/admin/registers`: the incoming and outgoing registers of a date range as XLSX or PDF. */
export function RegistersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.registers.title'));
  const today = toIsoDate(new Date());
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(today);
  const [secret, setSecret] = useState(false);
  const [series, setSeries] = useState<OutgoingSeries>('outgoing');
  const download = useDownload();
  const ready = from !== null && to !== null && from <= to;
  const pending = (prefix: string) =>
    download.pendingKey?.startsWith(prefix) ? download.pendingKey.slice(prefix.length) : null;

  const start = (register: 'incoming' | 'outgoing', format: (typeof formats)[number]) => {
    if (!from || !to) return;
    const params =
      register === 'incoming'
        ? { from, to, format, secret: secret ? 'true' : undefined }
        : { from, to, format, series };
    download.start({
      key: `${register}:${format}`,
      path: `/api/${register}/register${queryString(params)}`,
      fileName: `${register === 'incoming' ? 'so-van-ban-den' : 'so-van-ban-di'}_${from}_${to}.${format}`,
    });
  };

  return (
    <Stack gap="md" maw={960}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('admin.registers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.registers.intro')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
        <DateField
          label={t('admin.registers.from')}
          value={from}
          maxDate={to ?? undefined}
          onChange={setFrom}
          error={from === null ? t('forms.required') : undefined}
        />
        <DateField
          label={t('admin.registers.to')}
          value={to}
          minDate={from ?? undefined}
          onChange={setTo}
          error={
            to === null
              ? t('forms.required')
              : !ready && from !== null
                ? t('admin.registers.errors.range')
                : undefined
          }
        />
      </SimpleGrid>
      {download.error && (
        <ErrorAlert error={download.error} rules={rules} testId="register-error" />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RegisterCard
          title={t('admin.registers.incoming')}
          description={t('admin.registers.incomingHint')}
          testId="register-incoming"
          pendingFormat={pending('incoming:')}
          onDownload={(format) => {
            if (ready) start('incoming', format);
          }}
          options={
            <Switch
              label={t('admin.registers.secret')}
              checked={secret}
              onChange={(event) => {
                setSecret(event.currentTarget.checked);
              }}
            />
          }
        />
        <RegisterCard
          title={t('admin.registers.outgoing')}
          description={t('admin.registers.outgoingHint')}
          testId="register-outgoing"
          pendingFormat={pending('outgoing:')}
          onDownload={(format) => {
            if (ready) start('outgoing', format);
          }}
          options={
            <Select
              label={t('admin.registers.series')}
              data={outgoingSeries.map((value) => ({
                value,
                label: t(`admin.registers.seriesNames.${value}`),
              }))}
              value={series}
              allowDeselect={false}
              onChange={(value) => {
                if (value) setSeries(value as OutgoingSeries);
              }}
              comboboxProps={{ withinPortal: true }}
            />
          }
        />
      </SimpleGrid>
    </Stack>
  );
}
