import { Button, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBook2, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { toIsoDate } from '../../i18n/format';
import { registerUrl } from './queries';
import type { RegisterSeries } from './queries';

const seriesValues: readonly RegisterSeries[] = ['outgoing', 'outgoing_legal', 'outgoing_secret'];

/** Clerks: the outgoing register of a period (Decree 30 App. IV) as Excel or PDF. */
export function RegisterExport() {
  const { t } = useTranslation();
  const [opened, handlers] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const today = new Date();
  const [from, setFrom] = useState<string | null>(toIsoDate(new Date(today.getFullYear(), 0, 1)));
  const [to, setTo] = useState<string | null>(toIsoDate(today));
  const [series, setSeries] = useState<RegisterSeries>('outgoing');
  const ready = from !== null && to !== null && from <= to;

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconBook2 size={18} aria-hidden="true" />}
        onClick={handlers.open}
        data-testid="register-export"
      >
        {t('outgoing.register.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={handlers.close}
        title={t('outgoing.register.title')}
        fullScreen={phone}
        centered={!phone}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField
              label={t('outgoing.register.from')}
              value={from}
              maxDate={to ?? undefined}
              onChange={setFrom}
            />
            <DateField
              label={t('outgoing.register.to')}
              value={to}
              minDate={from ?? undefined}
              onChange={setTo}
            />
          </SimpleGrid>
          <Select
            label={t('outgoing.register.series')}
            allowDeselect={false}
            data={seriesValues.map((value) => ({
              value,
              label: t(`outgoing.register.seriesValues.${value}`),
            }))}
            value={series}
            onChange={(value) => {
              const next = seriesValues.find((item) => item === value);
              if (next) setSeries(next);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          {!ready && (
            <Text size="sm" c="red">
              {t('outgoing.register.period')}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            {(['xlsx', 'pdf'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={ready ? registerUrl({ from, to, format, series }) : undefined}
                download
                variant={format === 'xlsx' ? 'filled' : 'light'}
                leftSection={<IconDownload size={16} aria-hidden="true" />}
                disabled={!ready}
                data-testid={`register-${format}`}
              >
                {t(`outgoing.register.${format}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
