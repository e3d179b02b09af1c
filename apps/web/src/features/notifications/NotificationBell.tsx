import {
  ActionIcon,
  Affix,
  Badge,
  Button,
  Divider,
  Group,
  Indicator,
  Notification as Toast,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatIsoDateTime } from '../../i18n/format';
import type { Notification } from '@vanban/contracts';
import {
  notificationPath,
  notificationsKey,
  useMarkRead,
  useNotifications,
  useNotificationStream,
  type NotificationStreamEvent,
} from './notifications';
import { kindLabelKey } from './kinds';

type Latest = NotificationStreamEvent['latest'];
const toastMs = 10_000;

function Item({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  const urgent = item.urgency !== 'normal';
  return (
    <UnstyledButton
      onClick={() => {
        onOpen(item);
      }}
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      data-testid="notification-item"
    >
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="xs" fw={600} c={urgent ? 'red.8' : 'blue.8'}>
            {t(kindLabelKey(item.kind))}
          </Text>
          {unread && (
            <Badge size="xs" variant="filled" style={{ textTransform: 'none' }}>
              {t('notifications.unread')}
            </Badge>
          )}
        </Group>
        <Text size="sm" lineClamp={2}>
          {item.title}
        </Text>
        <Text size="xs" c="dimmed">
          {formatIsoDateTime(item.createdAt)}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}

/**
 * The bell in the header: unread count, the latest notifications, mark as read. Live through the
 * notification stream (polled only while it is down); an urgent notification that was not in the
 * list yet shows at once in a toast.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { toggle, open: openBell, close }] = useDisclosure(false);
  const [toast, setToast] = useState<Latest | null>(null);
  const live = useNotificationStream((event) => {
    if (event.latest.urgency === 'normal') return;
    const known = queryClient
      .getQueryData<{ items: Notification[] }>(notificationsKey)
      ?.items.some((item) => item.id === event.latest.id);
    if (!known) setToast(event.latest);
  });
  const notifications = useNotifications(live);
  const markRead = useMarkRead();
  useEffect(() => {
    if (!toast) return undefined;
    const timer = window.setTimeout(() => {
      setToast(null);
    }, toastMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [toast]);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (item: Notification) => {
    if (item.readAt === null) markRead.mutate([item.id]);
    close();
    const path = notificationPath(item);
    if (path) void navigate(path);
  };

  const openToast = (latest: Latest) => {
    setToast(null);
    const item = notifications.data?.items.find((candidate) => candidate.id === latest.id);
    if (item) open(item);
    else openBell();
  };

  return (
    <>
      {toast && (
        <Affix position={{ bottom: 16, right: 16 }} zIndex={400}>
          <Toast
            color="red"
            withBorder
            title={t('notifications.urgentArrived')}
            onClose={() => {
              setToast(null);
            }}
            closeButtonProps={{ 'aria-label': t('common.close') }}
            w="min(360px, calc(100vw - 32px))"
            style={{ boxShadow: 'var(--mantine-shadow-md)' }}
            data-testid="notification-toast"
          >
            <Text size="xs" fw={600} c="red.8">
              {t(kindLabelKey(toast.kind))}
            </Text>
            <Text size="sm" lineClamp={3}>
              {toast.title}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              mt={6}
              onClick={() => {
                openToast(toast);
              }}
            >
              {t('notifications.openItem')}
            </Button>
          </Toast>
        </Affix>
      )}
      <Popover
        opened={opened}
        onChange={(next) => {
          if (!next) close();
        }}
        position="bottom-end"
        width={340}
        shadow="md"
        withinPortal
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <Indicator
            label={unread > 99 ? '99+' : unread}
            size={18}
            color="red"
            disabled={unread === 0}
            offset={4}
            data-testid="notification-count"
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={toggle}
              aria-label={t('notifications.open', { count: unread })}
              aria-expanded={opened}
              aria-haspopup="dialog"
              data-testid="notification-bell"
            >
              <IconBell size={22} aria-hidden="true" />
            </ActionIcon>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown p="xs" aria-label={t('notifications.title')} role="dialog">
          <Group justify="space-between" px={4} pb={6}>
            <Text fw={600} size="sm">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => {
                  markRead.mutate(undefined);
                }}
                loading={markRead.isPending}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          <Divider />
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2} pt={6}>
              {notifications.isError ? (
                <Text size="sm" c="red" p="xs">
                  {t('notifications.loadFailed')}
                </Text>
              ) : items.length === 0 ? (
                <Text size="sm" c="dimmed" p="xs">
                  {t('notifications.empty')}
                </Text>
              ) : (
                items.map((item) => <Item key={item.id} item={item} onOpen={open} />)
              )}
            </Stack>
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </>
  );
}
