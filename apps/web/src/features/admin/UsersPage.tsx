import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { User } from '@vanban/contracts';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { AgencySelect } from './AgencySelect';
import { CreateUserDialog } from './CreateUserDialog';
import { ErrorAlert } from './ErrorAlert';
import { AccountBadges, RoleBadges } from './RoleBadges';
import { useUsers } from './userQueries';

function UserName({ user }: { user: User }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/admin/users/${user.id}`} fw={500} size="sm">
        {user.fullName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {user.username}
      </Text>
    </Stack>
  );
}

function UserTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  return (
    <Table striped verticalSpacing="xs" data-testid="user-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.users.fields.fullName')}</Table.Th>
          <Table.Th>{t('admin.users.fields.agency')}</Table.Th>
          <Table.Th>{t('admin.users.roles')}</Table.Th>
          <Table.Th>{t('admin.users.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
            <Table.Td>
              <UserName user={user} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{user.agency.name}</Text>
            </Table.Td>
            <Table.Td>
              <RoleBadges roles={user.roles} />
            </Table.Td>
            <Table.Td>
              <AccountBadges user={user} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UserCards({ users }: { users: User[] }) {
  return (
    <Stack gap="xs" data-testid="user-list">
      {users.map((user) => (
        <Card
          key={user.id}
          withBorder
          padding="sm"
          data-testid="user-row"
          data-username={user.username}
        >
          <Stack gap={4}>
            <UserName user={user} />
            <Text size="xs">{user.agency.name}</Text>
            <RoleBadges roles={user.roles} />
            <AccountBadges user={user} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** `/admin/users`: the accounts of the agencies the admin administers; search and create. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const wide = useMediaQuery('(min-width: 62em)', true);
  const [query, setQuery] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [q] = useDebouncedValue(query, 250);
  const users = useUsers(q, agencyId);
  const [creating, { open, close }] = useDisclosure(false);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {t('admin.users.title')}
        </Title>
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden="true" />}
          onClick={open}
          data-testid="user-create"
        >
          {t('admin.users.create')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
          }}
          data-testid="user-search"
        />
        <AgencySelect
          label={t('admin.users.fields.agency')}
          clearable
          value={agencyId}
          onChange={setAgencyId}
        />
      </SimpleGrid>
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('admin.users.empty')}
        </Text>
      ) : wide ? (
        <UserTable users={items} />
      ) : (
        <UserCards users={items} />
      )}
      {users.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={users.isFetchingNextPage}
            onClick={() => void users.fetchNextPage()}
          >
            {t('admin.users.more')}
          </Button>
        </Center>
      )}
      {creating && <CreateUserDialog onClose={close} />}
    </Stack>
  );
}
