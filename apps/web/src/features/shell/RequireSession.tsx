import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isAuthLost } from '../../app/api';
import { useMe } from '../../app/auth';
import { describeError, errorRequestId } from '../../app/errors';
import { SessionContext } from '../../app/session';
import { loginPath } from './loginPath';
import { AppLayout } from './AppLayout';

/** Loads GET /api/auth/me; sends the user to the login page when there is no session. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <Center mih="100dvh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }

  if (me.isError) {
    if (isAuthLost(me.error)) {
      return <Navigate to={loginPath(location, me.error.code)} replace />;
    }
    const requestId = errorRequestId(me.error);
    return (
      <Center mih="100dvh" p="md">
        <Stack maw={460} w="100%">
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title={t('errors.loadMe')}
            role="alert"
          >
            {describeError(t, me.error)}
            {requestId && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('errors.requestId', { id: requestId })}
              </Text>
            )}
          </Alert>
          <Button onClick={() => void me.refetch()} loading={me.isFetching} variant="light">
            {t('errors.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }

  return (
    <SessionContext value={me.data}>
      <AppLayout />
    </SessionContext>
  );
}
