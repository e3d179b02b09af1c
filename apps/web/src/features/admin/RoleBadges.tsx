import { Badge, Group } from '@mantine/core';
import type { User } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';

/** Roles of a user, each with the unit it applies to (the whole agency when none). */
export function RoleBadges({ roles }: { roles: User['roles'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((assignment) => (
        <Badge
          key={assignment.id}
          size="sm"
          variant="light"
          color={assignment.role === 'admin' ? 'grape' : 'blue'}
          style={{ textTransform: 'none' }}
          title={assignment.unit ? assignment.unit.name : assignment.agency.name}
          data-testid="user-role"
          data-role={assignment.role}
        >
          {t(`roles.${assignment.role}`)}
          {assignment.unit ? ` · ${assignment.unit.code}` : ''}
        </Badge>
      ))}
    </Group>
  );
}

/** Disabled, locked and two-factor state of an account. */
export function AccountBadges({ user }: { user: User }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
  return (
    <Group gap={4}>
      {user.disabled && (
        <Badge
          size="sm"
          color="red"
          variant="filled"
          style={{ textTransform: 'none' }}
          data-testid="user-disabled"
        >
          {t('admin.users.disabled')}
        </Badge>
      )}
      {locked && (
        <Badge size="sm" color="orange" variant="light" style={{ textTransform: 'none' }}>
          {t('admin.users.locked')}
        </Badge>
      )}
      {user.totpEnabled && (
        <Badge size="sm" color="teal" variant="light" style={{ textTransform: 'none' }}>
          {t('admin.users.twoFactor')}
        </Badge>
      )}
    </Group>
  );
}
