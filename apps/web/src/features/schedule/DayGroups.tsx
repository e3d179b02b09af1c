import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ScheduleEntryKind } from '@vanban/contracts';
import { IconClock, IconMapPin, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format';
import { weekdayIndex } from '../work/isoWeek';

/** What the staff page and the public page both show of an entry. */
export interface DayEntry {
  id: string;
  kind: ScheduleEntryKind;
  allDay: boolean;
  date: string;
  startTime: string | null;
  endDate: string | null;
  endTime: string | null;
  place: string | null;
  content: string;
  participants: string | null;
  preparingUnit: string | null;
  leaders: readonly { fullName: string; title: string | null }[];
}

/** `Nguyễn Văn A (Giám đốc)`: a leader as the schedule names them. */
export function leaderLabel(leader: { fullName: string; title: string | null }): string {
  return leader.title ? `${leader.fullName} (${leader.title})` : leader.fullName;
}

function EntryTime({ entry }: { entry: DayEntry }) {
  const { t } = useTranslation();
  const until = entry.endDate && entry.endDate !== entry.date ? formatIsoDate(entry.endDate) : '';
  const time = entry.allDay
    ? t('schedule.allDay')
    : entry.endTime
      ? `${entry.startTime ?? ''} – ${entry.endTime}`
      : (entry.startTime ?? '');
  return (
    <Text fw={600} size="sm" miw={110} data-testid="schedule-entry-time">
      {time}
      {until && ` → ${until}`}
    </Text>
  );
}

/**
 * The week as the printed schedule: one block per day (Monday first) with its entries in order of
 * start; an entry running over several days stands under its first day.
 */
export function DayGroups<E extends DayEntry>({
  days,
  entries,
  actions,
  testId = 'schedule-day',
}: {
  days: readonly string[];
  entries: readonly E[];
  actions?: (entry: E) => ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const dayNames = t('schedule.days', { returnObjects: true });
  return (
    <Stack gap="sm">
      {days.map((day) => {
        const items = entries.filter((entry) => entry.date === day);
        return (
          <Paper key={day} withBorder radius="md" p="sm" data-testid={testId} data-date={day}>
            <Title order={3} fz="md" mb={items.length > 0 ? 'xs' : 0}>
              {dayNames[weekdayIndex(day)]}, {formatIsoDate(day)}
            </Title>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('schedule.noEntries')}
              </Text>
            ) : (
              <Stack gap="xs">
                {items.map((entry) => (
                  <Group
                    key={entry.id}
                    align="flex-start"
                    wrap="wrap"
                    gap="sm"
                    data-testid="schedule-entry"
                    style={{ borderTop: '1px solid var(--mantine-color-gray-2)', paddingTop: 6 }}
                  >
                    <Group gap={4} wrap="nowrap" align="flex-start">
                      <IconClock size={16} aria-hidden="true" style={{ marginTop: 2 }} />
                      <EntryTime entry={entry} />
                    </Group>
                    <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
                      <Group gap={6}>
                        {entry.kind === 'on_duty' && (
                          <Badge color="grape" variant="light">
                            {t('schedule.onDuty')}
                          </Badge>
                        )}
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          {entry.content}
                        </Text>
                      </Group>
                      <Text size="sm">
                        <Text span c="dimmed" size="sm">
                          {t('schedule.leaders')}:{' '}
                        </Text>
                        {entry.leaders.map(leaderLabel).join(', ')}
                      </Text>
                      {entry.place && (
                        <Group gap={4} wrap="nowrap">
                          <IconMapPin size={14} aria-hidden="true" />
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {entry.place}
                          </Text>
                        </Group>
                      )}
                      {entry.participants && (
                        <Group gap={4} wrap="nowrap" align="flex-start">
                          <IconUsers size={14} aria-hidden="true" style={{ marginTop: 3 }} />
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {entry.participants}
                          </Text>
                        </Group>
                      )}
                      {entry.preparingUnit && (
                        <Text size="sm" c="dimmed">
                          {t('schedule.preparing')}: {entry.preparingUnit}
                        </Text>
                      )}
                    </Stack>
                    {actions?.(entry)}
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
