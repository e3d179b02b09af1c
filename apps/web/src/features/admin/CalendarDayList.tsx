import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import type { CalendarDay, CalendarDayKind } from '@vanban/contracts';
import { calendarDayKindValues } from '@vanban/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { formatIsoDate } from '../../i18n/format';
import type { MessageKey } from '../incoming/problems';
import { calendarDayProblem } from './calendar';

function AddDay({
  year,
  days,
  onAdd,
}: {
  year: number;
  days: readonly CalendarDay[];
  onAdd: (day: CalendarDay) => void;
}) {
  const { t } = useTranslation();
  const [day, setDay] = useState<string | null>(null);
  const [kind, setKind] = useState<CalendarDayKind>('holiday');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<{ day?: MessageKey; name?: MessageKey }>({});
  const add = () => {
    const dayProblem = day ? calendarDayProblem(day, kind, year, days) : 'forms.required';
    const next = {
      ...(dayProblem ? { day: dayProblem } : {}),
      ...(name.trim() ? {} : { name: 'forms.required' as const }),
    };
    setProblems(next);
    if (!day || Object.keys(next).length > 0) return;
    onAdd({ day, kind, name: name.trim() });
    setDay(null);
    setName('');
  };
  return (
    <Group align="flex-start" gap="sm" wrap="wrap" data-testid="calendar-add">
      <DateField
        label={t('admin.calendar.day')}
        value={day}
        minDate={`${String(year)}-01-01`}
        maxDate={`${String(year)}-12-31`}
        onChange={setDay}
        error={problems.day ? t(problems.day) : undefined}
        w={170}
      />
      <Select
        label={t('admin.calendar.kind')}
        data={calendarDayKindValues.map((value) => ({
          value,
          label: t(`admin.calendar.kinds.${value}`),
        }))}
        value={kind}
        allowDeselect={false}
        onChange={(value) => {
          if (value) setKind(value as CalendarDayKind);
        }}
        comboboxProps={{ withinPortal: true }}
        w={190}
      />
      <TextInput
        label={t('admin.calendar.name')}
        value={name}
        maxLength={200}
        onChange={(event) => {
          setName(event.currentTarget.value);
        }}
        error={problems.name ? t(problems.name) : undefined}
        style={{ flex: 1, minWidth: 200 }}
      />
      <Button
        mt={{ base: 0, xs: 25 }}
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        onClick={add}
      >
        {t('admin.calendar.add')}
      </Button>
    </Group>
  );
}

/** The year's exceptions as a table (the accessible form of the year view), editable. */
export function CalendarDayList({
  year,
  days,
  onChange,
  serverProblems,
}: {
  year: number;
  days: readonly CalendarDay[];
  onChange: (days: CalendarDay[]) => void;
  /** Row index → message, from `calendar.days_invalid` (`errors[].path` `body.days.N…`). */
  serverProblems: ReadonlyMap<number, string>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <AddDay year={year} days={days} onAdd={(day) => onChange([...days, day])} />
      {days.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.calendar.noDays')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing={4} data-testid="calendar-days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.calendar.day')}</Table.Th>
                <Table.Th>{t('admin.calendar.kind')}</Table.Th>
                <Table.Th>{t('admin.calendar.name')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('admin.calendar.remove')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((day, index) => (
                <Table.Tr key={day.day} data-testid="calendar-day">
                  <Table.Td>{formatIsoDate(day.day)}</Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      color={day.kind === 'holiday' ? 'red' : 'blue'}
                      variant="light"
                      style={{ textTransform: 'none' }}
                    >
                      {t(`admin.calendar.kinds.${day.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {day.name}
                    {serverProblems.get(index) && (
                      <Text size="xs" c="red">
                        {serverProblems.get(index)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('admin.calendar.removeDay', { date: formatIsoDate(day.day) })}
                      onClick={() => {
                        onChange(days.filter((entry) => entry.day !== day.day));
                      }}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
