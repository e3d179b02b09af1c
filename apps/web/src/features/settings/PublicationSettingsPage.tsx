import { Anchor, Center, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { PublicationSettings } from '@vanban/contracts';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDateTime } from '../../i18n/format';
import { useAgency } from '../admin/agencyQueries';
import { AgencySelect } from '../admin/AgencySelect';
import { ErrorAlert } from '../admin/ErrorAlert';
import { publicationRules } from './errors';
import { usePublicationSettings, useSavePublicationSettings } from './queries';
import { SaveBar } from './SaveBar';
import { useSettingsForm } from './useSettingsForm';

type Flags = Pick<PublicationSettings, 'showTasks' | 'showSchedule' | 'showOnTimeRates'>;
const flagKeys = ['showTasks', 'showSchedule', 'showOnTimeRates'] as const;

function flagsOf(settings: PublicationSettings): Flags {
  return {
    showTasks: settings.showTasks,
    showSchedule: settings.showSchedule,
    showOnTimeRates: settings.showOnTimeRates,
  };
}

function Editor({
  settings,
  agencyId,
}: {
  settings: PublicationSettings;
  agencyId: string | null;
}) {
  const { t } = useTranslation();
  const save = useSavePublicationSettings(agencyId);
  const {
    form: flags,
    saved,
    feedback,
    update,
    submit,
    reset,
  } = useSettingsForm({ settings, toForm: flagsOf, save, rules: publicationRules });
  const dirty = flagKeys.some((key) => flags[key] !== settings[key]);

  return (
    <Stack gap="md">
      {!settings.canEdit && (
        <Text size="sm" c="orange.8" data-testid="publication-read-only">
          {t('settings.publication.readOnly')}
        </Text>
      )}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {flagKeys.map((key) => (
            <Switch
              key={key}
              checked={flags[key]}
              disabled={!settings.canEdit}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                update((current) => ({ ...current, [key]: checked }));
              }}
              label={t(`settings.publication.${key}`)}
              description={t(`settings.publication.${key}Hint`)}
              data-testid={`publication-${key}`}
            />
          ))}
        </Stack>
      </Paper>
      {settings.updatedAt && (
        <Text size="xs" c="dimmed">
          {t('settings.updatedAt', { time: formatIsoDateTime(settings.updatedAt) })}
        </Text>
      )}
      {settings.canEdit && (
        <SaveBar
          dirty={dirty}
          saved={saved}
          pending={save.isPending}
          feedback={feedback}
          error={save.error}
          onSave={() => {
            submit({ ...(agencyId ? { agencyId } : {}), ...flags });
          }}
          onReset={reset}
          testId="publication"
        />
      )}
    </Stack>
  );
}

/**
 * `/admin/publication`: what the agency shows on its public page. The agency's leader decides;
 * an administrator may set it for any agency they administer (picked here).
 */
export function PublicationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.publication.title'));
  const me = useSession();
  const isAdmin = userRoles(me).has('admin');
  const [picked, setPicked] = useState<string | null>(null);
  const agencyId = picked === me.agency.id ? null : picked;
  const settings = usePublicationSettings(agencyId);
  const pickedAgency = useAgency(agencyId);
  const code = agencyId === null ? me.agency.code : pickedAgency.data?.code;

  return (
    <Stack gap="md" maw={720}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} fz="h2">
          {t('settings.publication.title')}
        </Title>
        {code && (
          <Anchor
            component={Link}
            to={`/public/${encodeURIComponent(code)}`}
            target="_blank"
            size="sm"
            data-testid="publication-public-link"
          >
            <IconExternalLink size={14} aria-hidden="true" style={{ verticalAlign: -2 }} />{' '}
            {t('settings.publication.openPublic')}
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('settings.publication.intro')}
      </Text>
      {isAdmin && (
        <AgencySelect
          label={t('settings.publication.agency')}
          value={picked ?? me.agency.id}
          onChange={(value) => {
            setPicked(value);
          }}
          allowDeselect={false}
          maw={480}
          data-testid="publication-agency"
        />
      )}
      {settings.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : settings.isError ? (
        <ErrorAlert
          error={settings.error}
          rules={publicationRules}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <Editor key={settings.data.agencyId} settings={settings.data} agencyId={agencyId} />
      )}
    </Stack>
  );
}
