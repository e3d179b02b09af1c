import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Group,
  Indicator,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconBuildingCog,
  IconFileText,
  IconLogout,
  IconSelector,
  IconSignature,
  IconUserShare,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { MeResponse } from '@vanban/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { isAuthLost } from '../../app/api';
import { useLogout, userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { visibleNavItems } from './navigation';

function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words.at(0)?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** Acting-for and delegation badges; shown in the header on wide screens, in the navbar on phones. */
function DelegationBadges({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const received = me.delegations.received.length;
  return (
    <>
      {me.actingFor && (
        <Badge
          color="orange"
          variant="filled"
          leftSection={<IconUserShare size={14} aria-hidden="true" />}
          data-testid="acting-for"
          style={{ textTransform: 'none' }}
        >
          {t('shell.actingFor', { name: me.actingFor.fullName })}
        </Badge>
      )}
      {received > 0 && (
        <Badge
          color="grape"
          variant="light"
          leftSection={<IconUsersGroup size={14} aria-hidden="true" />}
          data-testid="delegations-received"
          style={{ textTransform: 'none' }}
        >
          {t('shell.delegationsReceived', { count: received })}
        </Badge>
      )}
    </>
  );
}

function UserMenu({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const roles = userRoles(me);
  // Clerks and leaders keep the agency's reminder rules (and leaders its publication) without
  // the administration entry in the navigation.
  const agencySettings = !roles.has('admin') && (roles.has('clerk') || roles.has('leader'));

  const onLogout = () => {
    if (logout.isPending) {
      return;
    }
    logout.mutate(undefined, {
      onSuccess: () => {
        void navigate('/login?reason=signed-out', { replace: true });
      },
      onError: (error) => {
        // A session that had already ended is as good as signed out.
        const reason = isAuthLost(error) ? 'signed-out' : 'logout-failed';
        void navigate(`/login?reason=${reason}`, { replace: true });
      },
    });
  };

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('shell.account')}
          data-testid="user-menu"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          p={4}
        >
          <Group gap="xs" wrap="nowrap">
            <Indicator color="orange" size={10} offset={4} disabled={!me.actingFor} withBorder>
              <Avatar color="blue" radius="xl" size={36}>
                {initials(me.user.fullName)}
              </Avatar>
            </Indicator>
            <Box visibleFrom="sm" maw={320} style={{ minWidth: 0 }} title={me.agency.name}>
              <Text size="sm" fw={600} truncate="end" data-testid="header-user-name">
                {me.user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" data-testid="header-agency-name">
                {me.agency.name}
              </Text>
            </Box>
            <IconSelector size={16} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600}>
            {me.user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.username}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {me.agency.name}
          </Text>
        </Box>
        {(me.actingFor || me.delegations.received.length > 0) && (
          <Stack gap={4} px="sm" pb="xs" align="flex-start">
            <DelegationBadges me={me} />
          </Stack>
        )}
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to="/account"
          leftSection={<IconSignature size={16} aria-hidden="true" />}
          data-testid="account-link"
        >
          {t('account.menu')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/account/notifications"
          leftSection={<IconBell size={16} aria-hidden="true" />}
          data-testid="notification-settings-link"
        >
          {t('account.notifications')}
        </Menu.Item>
        {agencySettings && (
          <Menu.Item
            component={Link}
            to="/admin/reminders"
            leftSection={<IconBuildingCog size={16} aria-hidden="true" />}
            data-testid="agency-settings-link"
          >
            {t('settings.agencyMenu')}
          </Menu.Item>
        )}
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={onLogout}
          disabled={logout.isPending}
          data-testid="logout"
        >
          {t('shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in application frame: header, role-based navigation, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = useMemo(() => visibleNavItems(userRoles(me)), [me]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group
          h="100%"
          px={{ base: 'xs', sm: 'md' }}
          justify="space-between"
          wrap="nowrap"
          gap="xs"
        >
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" onClick={close} aria-label={t('nav.home')}>
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={32} radius="md" aria-hidden="true">
                  <IconFileText size={20} />
                </ThemeIcon>
                <Text fw={700} size="lg">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap={6} wrap="nowrap">
            <Group gap="xs" wrap="nowrap" visibleFrom="md">
              <DelegationBadges me={me} />
            </Group>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navigation" p="sm" aria-label={t('nav.label')}>
        <Stack
          gap={4}
          hiddenFrom="sm"
          pb="sm"
          mb="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={600} size="sm">
            {me.user.fullName}
          </Text>
          <Text size="xs" c="dimmed" data-testid="navbar-agency-name">
            {me.agency.name}
          </Text>
          <Group gap={4}>
            <DelegationBadges me={me} />
          </Group>
        </Stack>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => {
            const active = isActive(pathname, item.path);
            const Icon = item.icon;
            return (
              <NavLink
                key={item.id}
                component={Link}
                to={item.path}
                label={t(`nav.${item.id}`)}
                leftSection={<Icon size={20} stroke={1.6} aria-hidden="true" />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={close}
                data-testid={`nav-${item.id}`}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
