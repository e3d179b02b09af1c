import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { IconEdit, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDateTime } from '../../i18n/format';
import { ErrorAlert } from './ErrorAlert';
import { AccountBadges } from './RoleBadges';
import { UserAccess } from './UserAccess';
import { DisableUserDialog, EditUserDialog, ResetPasswordDialog } from './UserDialogs';
import { useUser } from './userQueries';

type Dialog = 'edit' | 'reset' | 'disable' | null;

/** `/admin/users/:id`: contact data, disable/enable, password reset, roles and positions. */
export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const me = useSession();
  const user = useUser(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [resetDone, setResetDone] = useState(false);
  usePageTitle(user.data?.fullName ?? t('admin.users.title'));

  if (user.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (user.isError) {
    return (
      <ErrorAlert
        error={user.error}
        rules={{ [errorCodes.userNotFound]: { message: 'admin.errors.userNotFound' } }}
      />
    );
  }
  const data = user.data;
  const close = () => {
    setDialog(null);
  };
  return (
    <Stack gap="md" data-testid="user-page">
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('admin.users.back')}
      </Anchor>
      <Stack gap={6}>
        <Title order={1} fz="h2" data-testid="user-name">
          {data.fullName}
        </Title>
        <Group gap={6}>
          <Code>{data.username}</Code>
          <AccountBadges user={data} />
        </Group>
        <Text size="sm">{data.agency.name}</Text>
        <Text size="xs" c="dimmed">
          {[data.email, data.phone].filter(Boolean).join(' · ')}
          {data.email || data.phone ? ' · ' : ''}
          {t('admin.users.createdAt', { time: formatIsoDateTime(data.createdAt) })}
        </Text>
      </Stack>
      {params.get('roleFailed') && (
        <Alert color="orange" role="alert">
          {t('admin.users.errors.roleAfterCreate')}
        </Alert>
      )}
      {resetDone && (
        <Alert color="green" data-testid="reset-done">
          {t('admin.users.resetDone')}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconEdit size={16} aria-hidden="true" />}
          onClick={() => {
            setDialog('edit');
          }}
        >
          {t('admin.users.edit')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconKey size={16} aria-hidden="true" />}
          onClick={() => {
            setResetDone(false);
            setDialog('reset');
          }}
          data-testid="user-reset"
        >
          {t('admin.users.reset')}
        </Button>
        {data.id !== me.user.id && (
          <Button
            variant="light"
            color={data.disabled ? 'green' : 'red'}
            leftSection={
              data.disabled ? (
                <IconUserCheck size={16} aria-hidden="true" />
              ) : (
                <IconUserOff size={16} aria-hidden="true" />
              )
            }
            onClick={() => {
              setDialog('disable');
            }}
            data-testid="user-disable"
          >
            {t(data.disabled ? 'admin.users.enable' : 'admin.users.disable')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <UserAccess user={data} />
      </SimpleGrid>
      {dialog === 'edit' && <EditUserDialog user={data} onClose={close} />}
      {dialog === 'reset' && (
        <ResetPasswordDialog
          user={data}
          onClose={close}
          onDone={() => {
            setResetDone(true);
          }}
        />
      )}
      {dialog === 'disable' && <DisableUserDialog user={data} onClose={close} />}
    </Stack>
  );
}
