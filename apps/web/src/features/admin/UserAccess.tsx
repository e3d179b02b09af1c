import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { User } from '@vanban/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessDialog } from './AccessDialogs';
import { ErrorAlert } from './ErrorAlert';
import { useRemoveRole } from './userQueries';

function Place({ agency, unit }: { agency: { name: string }; unit: { name: string } | null }) {
  return (
    <Text size="xs" c="dimmed">
      {unit ? `${unit.name} · ${agency.name}` : agency.name}
    </Text>
  );
}

/** The roles (removable) and positions of a user, with the dialogs that add them. */
export function UserAccess({ user }: { user: User }) {
  const { t } = useTranslation();
  const remove = useRemoveRole(user.id);
  const [dialog, setDialog] = useState<'role' | 'position' | null>(null);

  return (
    <>
      <Card withBorder radius="md" data-testid="user-roles">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h4">
            {t('admin.users.roles')}
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => {
              setDialog('role');
            }}
            data-testid="role-add"
          >
            {t('admin.users.addRole')}
          </Button>
        </Group>
        {user.roles.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.users.noRoles')}
          </Text>
        )}
        <Stack gap="xs">
          {user.roles.map((assignment) => (
            <Group key={assignment.id} justify="space-between" wrap="nowrap" data-testid="role-row">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Badge
                  variant="light"
                  style={{ textTransform: 'none' }}
                  data-role={assignment.role}
                >
                  {t(`roles.${assignment.role}`)}
                </Badge>
                <Place agency={assignment.agency} unit={assignment.unit} />
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('admin.users.removeRole', { role: t(`roles.${assignment.role}`) })}
                title={t('admin.users.removeRole', { role: t(`roles.${assignment.role}`) })}
                loading={remove.isPending && remove.variables === assignment.id}
                disabled={remove.isPending}
                onClick={() => {
                  remove.mutate(assignment.id);
                }}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Card>
      <Card withBorder radius="md" data-testid="user-positions">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h4">
            {t('admin.users.positions')}
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => {
              setDialog('position');
            }}
          >
            {t('admin.users.addPosition')}
          </Button>
        </Group>
        {user.positions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.users.noPositions')}
          </Text>
        )}
        <Stack gap="xs">
          {user.positions.map((position) => (
            <Stack key={position.id} gap={0}>
              <Text size="sm" fw={500}>
                {position.title}
              </Text>
              <Place agency={position.agency} unit={position.unit} />
            </Stack>
          ))}
        </Stack>
      </Card>
      {dialog && (
        <AccessDialog
          user={user}
          kind={dialog}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
