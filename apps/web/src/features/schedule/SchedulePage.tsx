import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ScheduleEntry, ScheduleWeek } from '@vanban/contracts';
import {
  IconCalendarPlus,
  IconCircleCheck,
  IconDownload,
  IconPencil,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDateTime } from '../../i18n/format';
import { ErrorAlert } from '../admin/ErrorAlert';
import { adminFeedback } from '../admin/problems';
import { useDownload } from '../admin/useDownload';
import { ActionDialog } from '../incoming/ActionDialog';
import { vietnamToday, weekDays } from '../work/isoWeek';
import { DayGroups } from './DayGroups';
import { EntryDialog } from './EntryDialog';
import { scheduleAlertRules } from './errors';
import { useDeleteEntry, usePublishWeek, useSchedule } from './queries';
import { useWeekParam, WeekNav } from './WeekNav';

function WeekStateBadge({ week }: { week: ScheduleWeek }) {
  const { t } = useTranslation();
  const color = week.state === 'published' ? 'green' : week.state === 'changed' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant="light" data-testid="schedule-week-state" data-state={week.state}>
      {t(`schedule.states.${week.state}`, { version: week.version })}
    </Badge>
  );
}

type Editing = { entry: ScheduleEntry | null } | null;

/** `/schedule`: the leaders' weekly schedule of the user's agency; clerks and leaders edit it. */
export function SchedulePage() {
  const { t } = useTranslation();
  usePageTitle(t('schedule.title'));
  const [week, setWeek] = useWeekParam();
  const schedule = useSchedule(week);
  const download = useDownload();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<ScheduleEntry | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const publish = usePublishWeek();
  const remove = useDeleteEntry();
  const days = weekDays(week);
  const data = schedule.data;
  const weekState = data?.weeks.find((item) => item.week === week);
  const today = vietnamToday();

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {data?.agency.name ?? ''}
          </Text>
          <Title order={1} fz="h2">
            {t('schedule.title')}
          </Title>
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            loading={download.pendingKey === 'ical'}
            title={t('schedule.icalHint')}
            onClick={() => {
              download.start({
                key: 'ical',
                path: `/api/schedule.ics${queryString({ week })}`,
                fileName: `lich-cong-tac-${week}.ics`,
              });
            }}
            data-testid="schedule-ical"
          >
            {t('schedule.ical')}
          </Button>
          {data?.canEdit && (
            <Button
              leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
              onClick={() => {
                setEditing({ entry: null });
              }}
              data-testid="schedule-add"
            >
              {t('schedule.add')}
            </Button>
          )}
        </Group>
      </Group>

      <WeekNav
        week={week}
        onChange={(next) => {
          setPublished(null);
          setWeek(next);
        }}
      />
      {download.error && <ErrorAlert error={download.error} />}

      {weekState && (
        <Group gap="sm" justify="space-between">
          <Group gap="xs">
            <WeekStateBadge week={weekState} />
            {weekState.publishedAt && weekState.publishedBy && (
              <Text size="sm" c="dimmed">
                {t('schedule.publishedAt', {
                  time: formatIsoDateTime(weekState.publishedAt),
                  name: weekState.publishedBy.fullName,
                })}
              </Text>
            )}
          </Group>
          {data?.canEdit && weekState.state !== 'published' && (
            <Button
              color="green"
              leftSection={<IconSend size={16} aria-hidden="true" />}
              onClick={() => {
                setPublishing(true);
              }}
              data-testid="schedule-publish"
            >
              {weekState.state === 'changed' ? t('schedule.republish') : t('schedule.publish')}
            </Button>
          )}
        </Group>
      )}
      {weekState?.state === 'changed' && (
        <Alert color="orange" variant="light">
          {t('schedule.changedHint')}
        </Alert>
      )}
      {published !== null && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          role="status"
          data-testid="schedule-published-notice"
        >
          {t('schedule.publishedNotice', { version: published })}
        </Alert>
      )}

      {schedule.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : schedule.isError ? (
        <ErrorAlert
          error={schedule.error}
          rules={scheduleAlertRules}
          onRetry={() => void schedule.refetch()}
        />
      ) : (
        <DayGroups
          days={days}
          entries={schedule.data.entries}
          actions={
            schedule.data.canEdit
              ? (entry) => (
                  <Group gap={4} wrap="nowrap" ml="auto">
                    <Badge
                      variant="outline"
                      color={entry.visibility === 'public' ? 'teal' : 'gray'}
                    >
                      {entry.visibility === 'public'
                        ? t('schedule.public')
                        : t('schedule.internal')}
                    </Badge>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('schedule.edit')}: ${entry.content}`}
                      onClick={() => {
                        setEditing({ entry });
                      }}
                      data-testid="schedule-edit"
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('schedule.remove')}: ${entry.content}`}
                      onClick={() => {
                        setRemoving(entry);
                      }}
                      data-testid="schedule-remove"
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                )
              : undefined
          }
        />
      )}

      {editing && data && (
        <EntryDialog
          entry={editing.entry}
          defaultDate={days.includes(today) ? today : (days[0] ?? today)}
          leaders={data.leaders}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      {removing && (
        <ActionDialog
          opened
          onClose={() => {
            setRemoving(null);
          }}
          title={t('schedule.removeTitle')}
          submitLabel={t('schedule.removeConfirm')}
          submitColor="red"
          onSubmit={() => {
            remove.mutate(
              { method: 'DELETE', path: `/api/schedule/entries/${removing.id}` },
              {
                onSuccess: () => {
                  setRemoving(null);
                },
              },
            );
          }}
          pending={remove.isPending}
          feedback={remove.error ? adminFeedback(remove.error, [], scheduleAlertRules) : null}
          error={remove.error}
          testId="schedule-remove-dialog"
        >
          <Text size="sm">{t('schedule.removeHint', { content: removing.content })}</Text>
        </ActionDialog>
      )}
      {publishing && (
        <ActionDialog
          opened
          onClose={() => {
            setPublishing(false);
          }}
          title={t('schedule.publishTitle')}
          submitLabel={t('schedule.publishConfirm')}
          submitColor="green"
          onSubmit={() => {
            publish.mutate(
              { method: 'POST', path: `/api/schedule/weeks/${week}/publish` },
              {
                onSuccess: (answer) => {
                  setPublishing(false);
                  setPublished(answer?.version ?? null);
                },
              },
            );
          }}
          pending={publish.isPending}
          feedback={publish.error ? adminFeedback(publish.error, [], scheduleAlertRules) : null}
          error={publish.error}
          testId="schedule-publish-dialog"
        >
          <Text size="sm">{t('schedule.publishHint')}</Text>
        </ActionDialog>
      )}
    </Stack>
  );
}
