import {
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { NotificationPreferences } from '@vanban/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../admin/ErrorAlert';
import { preferenceFields, preferenceRules } from './errors';
import { crossesMidnight, preferencesBody, preferencesForm, preferencesProblem } from './model';
import type { PreferencesForm } from './model';
import { useNotificationPreferences, useSaveNotificationPreferences } from './queries';
import { SaveBar } from './SaveBar';
import { useSettingsForm } from './useSettingsForm';

/** Why a channel cannot be turned on, if it cannot: no address, or the server does not send it. */
function channelHint(
  t: TFunction,
  prefs: NotificationPreferences,
  channel: 'email' | 'sms',
): { text: string; blocked: boolean } {
  if (!prefs.available[channel])
    return {
      text:
        channel === 'email'
          ? t('settings.preferences.emailUnavailable')
          : t('settings.preferences.smsUnavailable'),
      blocked: true,
    };
  if (channel === 'email')
    return prefs.emailAddress
      ? { text: t('settings.preferences.emailTo', { address: prefs.emailAddress }), blocked: false }
      : { text: t('settings.preferences.noEmail'), blocked: true };
  return prefs.phone
    ? { text: t('settings.preferences.smsTo', { phone: prefs.phone }), blocked: false }
    : { text: t('settings.preferences.noPhone'), blocked: true };
}

function Editor({ prefs }: { prefs: NotificationPreferences }) {
  const { t } = useTranslation();
  const save = useSaveNotificationPreferences();
  const { form, saved, feedback, message, update, submit, reset } = useSettingsForm({
    settings: prefs,
    toForm: preferencesForm,
    save,
    fields: preferenceFields,
    rules: preferenceRules,
  });
  const dirty =
    JSON.stringify(preferencesBody(form)) !==
    JSON.stringify(preferencesBody(preferencesForm(prefs)));
  const problem = preferencesProblem(form);

  const set = <K extends keyof PreferencesForm>(key: K, value: PreferencesForm[K]) => {
    update(
      (current) => ({ ...current, [key]: value }),
      key === 'email' || key === 'sms' ? key : 'quietHours',
    );
  };

  const email = channelHint(t, prefs, 'email');
  const sms = channelHint(t, prefs, 'sms');
  const quietError =
    problem === 'quietSame'
      ? t('settings.preferences.errors.quietSame')
      : (message('quietHours') ?? undefined);

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('settings.preferences.channels')}
          </Title>
          <Switch
            checked
            disabled
            label={t('settings.preferences.inApp')}
            description={t('settings.preferences.inAppHint')}
          />
          <Switch
            checked={form.email}
            // Turning a channel off is always possible; turning it on needs an address and a server.
            disabled={!form.email && email.blocked}
            onChange={(event) => {
              set('email', event.currentTarget.checked);
            }}
            label={t('settings.preferences.email')}
            description={email.text}
            error={message('email')}
            data-testid="prefs-email"
          />
          <Switch
            checked={form.sms}
            disabled={!form.sms && sms.blocked}
            onChange={(event) => {
              set('sms', event.currentTarget.checked);
            }}
            label={t('settings.preferences.sms')}
            description={sms.text}
            error={message('sms')}
            data-testid="prefs-sms"
          />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('settings.preferences.quiet')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.preferences.quietHint')}
          </Text>
          <Switch
            checked={form.quiet}
            onChange={(event) => {
              set('quiet', event.currentTarget.checked);
            }}
            label={t('settings.preferences.quietSwitch')}
            data-testid="prefs-quiet"
          />
          {form.quiet && (
            <>
              <SimpleGrid cols={2} spacing="sm" maw={360}>
                <TextInput
                  type="time"
                  label={t('settings.preferences.quietStart')}
                  value={form.quietStart}
                  onChange={(event) => {
                    set('quietStart', event.currentTarget.value);
                  }}
                  error={
                    problem === 'quietStart'
                      ? t('settings.preferences.errors.quietStart')
                      : undefined
                  }
                  data-testid="prefs-quiet-start"
                />
                <TextInput
                  type="time"
                  label={t('settings.preferences.quietEnd')}
                  value={form.quietEnd}
                  onChange={(event) => {
                    set('quietEnd', event.currentTarget.value);
                  }}
                  error={
                    problem === 'quietEnd' ? t('settings.preferences.errors.quietEnd') : quietError
                  }
                  data-testid="prefs-quiet-end"
                />
              </SimpleGrid>
              {crossesMidnight(form.quietStart, form.quietEnd) && (
                <Text size="xs" c="dimmed">
                  {t('settings.preferences.overnight')}
                </Text>
              )}
              <Checkbox
                checked={form.urgentBreaksQuietHours}
                onChange={(event) => {
                  set('urgentBreaksQuietHours', event.currentTarget.checked);
                }}
                label={t('settings.preferences.urgent')}
                data-testid="prefs-urgent"
              />
            </>
          )}
        </Stack>
      </Paper>
      <SaveBar
        dirty={dirty}
        saved={saved}
        pending={save.isPending}
        disabled={problem !== null}
        feedback={feedback}
        error={save.error}
        onSave={() => {
          if (!problem) submit(preferencesBody(form));
        }}
        onReset={reset}
        testId="prefs"
      />
    </Stack>
  );
}

/** `/account/notifications`: the user's channels (in-app always, e-mail, SMS) and quiet hours. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.preferences.title'));
  const prefs = useNotificationPreferences();
  return (
    <Stack gap="md" maw={720}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {t('settings.preferences.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {t('settings.preferences.intro')}
      </Text>
      {prefs.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : prefs.isError ? (
        <ErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <Editor prefs={prefs.data} />
      )}
    </Stack>
  );
}
