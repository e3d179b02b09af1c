import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarShare, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { DayGroups, leaderLabel } from '../schedule/DayGroups';
import { WeekNav } from '../schedule/WeekNav';
import { isoWeekOf, vietnamToday, weekDays } from '../work/isoWeek';
import { publicIcalUrl, usePublicSchedule } from './queries';
import { publicRules } from './rules';

/** The published week: leaders on duty, then the public events, day by day; the iCal feed. */
export function PublicScheduleSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const [week, setWeek] = useState(() => isoWeekOf(vietnamToday()));
  const schedule = usePublicSchedule(code, week);
  const data = schedule.data;
  const feed = publicIcalUrl(code, window.location.origin);

  return (
    <Paper withBorder radius="md" p="md" data-testid="public-schedule">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('publicPage.scheduleTitle')}
        </Title>
        <WeekNav week={week} onChange={setWeek} />
        {schedule.isError ? (
          <ErrorAlert error={schedule.error} rules={publicRules} />
        ) : !data ? null : !data.published ? (
          <Text c="dimmed" size="sm" data-testid="public-schedule-unpublished">
            {t('publicPage.notPublished')}
          </Text>
        ) : (
          <>
            {data.publishedAt && (
              <Text size="xs" c="dimmed">
                {t('publicPage.version', {
                  version: data.version,
                  time: formatIsoDateTime(data.publishedAt),
                })}
              </Text>
            )}
            <Title order={3} fz="md">
              {t('publicPage.onDutyTitle')}
            </Title>
            {data.onDuty.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('publicPage.noOnDuty')}
              </Text>
            ) : (
              <Stack gap={4} data-testid="public-on-duty">
                {data.onDuty.map((entry) => (
                  <Text key={entry.id} size="sm">
                    {entry.endDate && entry.endDate !== entry.date
                      ? `${entry.date.slice(8)}/${entry.date.slice(5, 7)} – ${entry.endDate.slice(8)}/${entry.endDate.slice(5, 7)}`
                      : `${entry.date.slice(8)}/${entry.date.slice(5, 7)}`}
                    : {entry.leaders.map(leaderLabel).join(', ')}
                  </Text>
                ))}
              </Stack>
            )}
            <Title order={3} fz="md">
              {t('publicPage.eventsTitle')}
            </Title>
            {data.events.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('publicPage.noEvents')}
              </Text>
            ) : (
              <DayGroups
                days={weekDays(data.week).filter((day) =>
                  data.events.some((entry) => entry.date === day),
                )}
                entries={data.events}
                testId="public-schedule-day"
              />
            )}
          </>
        )}
        <Stack gap={4}>
          <Group gap={6}>
            <IconCalendarShare size={18} aria-hidden="true" />
            <Text size="sm" fw={500}>
              {t('publicPage.subscribe')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              readOnly
              value={feed}
              aria-label={t('publicPage.subscribe')}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="public-ical-url"
            />
            <CopyButton value={feed}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  leftSection={<IconCopy size={14} aria-hidden="true" />}
                  onClick={copy}
                >
                  {copied ? t('publicPage.copied') : t('publicPage.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('publicPage.subscribeHint')}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
