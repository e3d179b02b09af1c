import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconFileText, IconInfoCircle, IconShieldLock } from '@tabler/icons-react';
import { loginBodySchema } from '@vanban/contracts';
import type { ReactNode, RefObject, SubmitEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { safeNextPath, useLogin } from '../../app/auth';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import type { LoginFeedback, LoginField, Message } from './loginFeedback';
import { feedbackFromError, feedbackFromIssues, noFeedback } from './loginFeedback';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const reason = searchParams.get('reason');
  const login = useLogin();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [totpStep, setTotpStep] = useState(false);
  const [feedback, setFeedback] = useState<LoginFeedback>(noFeedback);

  // A ref, not state: a second click in the same tick must see the first one at once.
  const inFlight = useRef(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const refs: Record<LoginField, RefObject<HTMLInputElement | null>> = {
    username: usernameRef,
    password: passwordRef,
    totp: totpRef,
  };

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  useEffect(() => {
    if (totpStep) {
      totpRef.current?.focus();
    }
  }, [totpStep]);

  const render = (message: Message): string =>
    'values' in message ? t(message.key, message.values) : t(message.key);

  const fieldError = (field: LoginField): ReactNode => {
    const value = feedback.fields[field];
    if (value === undefined) {
      return undefined;
    }
    return value === true ? true : render(value);
  };

  const focusFirstInvalid = (result: LoginFeedback) => {
    const field = (['username', 'password', 'totp'] as const).find((f) => result.fields[f]);
    if (field) {
      // After the TOTP field has rendered, if it has just appeared.
      requestAnimationFrame(() => {
        refs[field].current?.focus();
      });
    }
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) {
      return;
    }
    const parsed = loginBodySchema.safeParse({
      username,
      password,
      ...(totpStep ? { totp: totp.trim() } : {}),
    });
    if (!parsed.success) {
      const result = feedbackFromIssues(parsed.error.issues, totp.trim());
      setFeedback(result);
      focusFirstInvalid(result);
      return;
    }

    inFlight.current = true;
    setFeedback(noFeedback);
    login.mutate(parsed.data, {
      onSuccess: () => {
        void navigate(next, { replace: true });
      },
      onError: (error) => {
        const result = feedbackFromError(error);
        setFeedback(result);
        if (result.totpRequired && !totpStep) {
          setTotpStep(true); // The effect above focuses the new field.
        } else {
          focusFirstInvalid(result);
        }
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const notice =
    reason === 'expired'
      ? { color: 'blue', text: t('login.sessionExpired') }
      : reason === 'signed-out'
        ? { color: 'blue', text: t('login.signedOut') }
        : reason === 'logout-failed'
          ? { color: 'yellow', text: t('errors.logout') }
          : null;

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <Group justify="flex-end" mb="sm">
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
          <Stack gap="lg">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={48} radius="md" aria-hidden="true">
                <IconFileText size={28} />
              </ThemeIcon>
              <div>
                <Title order={1} fz={28} lh={1.1}>
                  {t('app.name')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </div>
            </Group>

            <Title order={2} fz="lg">
              {t('login.title')}
            </Title>

            {notice && !feedback.form && (
              <Alert
                variant="light"
                color={notice.color}
                icon={<IconInfoCircle size={18} />}
                data-testid="login-notice"
              >
                {notice.text}
              </Alert>
            )}

            {feedback.form && (
              <Alert
                variant="light"
                color="red"
                icon={<IconAlertCircle size={18} />}
                role="alert"
                data-testid="login-form-error"
              >
                {render(feedback.form)}
                {feedback.requestId && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('errors.requestId', { id: feedback.requestId })}
                  </Text>
                )}
              </Alert>
            )}

            <form onSubmit={onSubmit} noValidate aria-label={t('login.title')}>
              <Stack gap="md">
                <TextInput
                  ref={usernameRef}
                  label={t('login.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(event) => {
                    setUsername(event.currentTarget.value);
                  }}
                  error={fieldError('username')}
                />
                <PasswordInput
                  ref={passwordRef}
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => {
                    setPassword(event.currentTarget.value);
                  }}
                  error={fieldError('password')}
                />
                {totpStep && (
                  <>
                    <Alert
                      variant="light"
                      color="blue"
                      icon={<IconShieldLock size={18} />}
                      aria-live="polite"
                    >
                      {t('login.totpPrompt')}
                    </Alert>
                    <TextInput
                      ref={totpRef}
                      label={t('login.totp')}
                      description={t('login.totpDescription')}
                      name="totp"
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      pattern="[0-9]{6}"
                      maxLength={6}
                      required
                      value={totp}
                      onChange={(event) => {
                        setTotp(event.currentTarget.value.replace(/\D/g, '').slice(0, 6));
                      }}
                      error={fieldError('totp')}
                      styles={{
                        input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
                      }}
                    />
                  </>
                )}
                <Button type="submit" fullWidth loading={login.isPending} mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
