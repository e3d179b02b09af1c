import { Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { formatIsoDate } from '../../i18n/format';
import type { AgencyDetail, AgencyUnit } from './agencyQueries';
import { CreateUnitDialog } from './CreateUnitDialog';

function UnitStatus({ unit }: { unit: AgencyUnit }) {
  const { t } = useTranslation();
  return unit.validTo ? (
    <Badge size="sm" color="red" variant="light" style={{ textTransform: 'none' }}>
      {t('admin.units.closedOn', { date: formatIsoDate(unit.validTo) })}
    </Badge>
  ) : (
    <Badge size="sm" color="green" variant="light" style={{ textTransform: 'none' }}>
      {t('admin.units.active')}
    </Badge>
  );
}

/** The units (phòng ban) of an agency, and a form to add one. */
export function UnitsSection({ agency }: { agency: AgencyDetail }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const admin = userRoles(useSession()).has('admin');
  const nameOf = (id: string | null) => agency.units.find((unit) => unit.id === id)?.name ?? '—';
  const units = [...agency.units].sort(
    (a, b) =>
      Number(a.validTo !== null) - Number(b.validTo !== null) || a.code.localeCompare(b.code),
  );

  return (
    <Stack gap="xs" data-testid="units-section">
      <Group justify="space-between">
        <Title order={2} fz="h4">
          {t('admin.units.title')}
        </Title>
        {admin && agency.validTo === null && (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={open}
            data-testid="unit-create"
          >
            {t('admin.units.create')}
          </Button>
        )}
      </Group>
      {units.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('admin.units.empty')}
        </Text>
      ) : wide ? (
        <Table striped verticalSpacing="xs" data-testid="units-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.units.code')}</Table.Th>
              <Table.Th>{t('admin.units.name')}</Table.Th>
              <Table.Th>{t('admin.units.parent')}</Table.Th>
              <Table.Th>{t('admin.units.validFrom')}</Table.Th>
              <Table.Th>{t('admin.units.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((unit) => (
              <Table.Tr key={unit.id} data-testid="unit-row">
                <Table.Td>
                  <Code>{unit.code}</Code>
                </Table.Td>
                <Table.Td>{unit.name}</Table.Td>
                <Table.Td>{nameOf(unit.parentUnitId)}</Table.Td>
                <Table.Td>{formatIsoDate(unit.validFrom)}</Table.Td>
                <Table.Td>
                  <UnitStatus unit={unit} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap={6} data-testid="units-table">
          {units.map((unit) => (
            <Stack
              key={unit.id}
              gap={2}
              p="xs"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              data-testid="unit-row"
            >
              <Group gap={6}>
                <Code>{unit.code}</Code>
                <UnitStatus unit={unit} />
              </Group>
              <Text size="sm">{unit.name}</Text>
              <Text size="xs" c="dimmed">
                {t('admin.units.since', { date: formatIsoDate(unit.validFrom) })}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {t('admin.units.closeUnavailable')}
      </Text>
      {opened && <CreateUnitDialog agency={agency} onClose={close} />}
    </Stack>
  );
}
