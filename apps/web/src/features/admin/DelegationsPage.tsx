import { Badge, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Delegation } from '@vanban/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDate, toIsoDate } from '../../i18n/format';
import { CreateDelegationDialog } from './CreateDelegationDialog';
import { useDelegations, useRevokeDelegation } from './delegationQueries';
import { ErrorAlert } from './ErrorAlert';
import { ActionDialog } from '../incoming/ActionDialog';
import { adminFeedback } from './problems';
import { useFormFeedback } from './useFormFeedback';

function RevokeDialog({ delegation, onClose }: { delegation: Delegation; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeDelegation();
  const { feedback, setFeedback } = useFormFeedback<never>();
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('admin.delegations.revokeTitle')}
      submitLabel={t('admin.delegations.revoke')}
      submitColor="red"
      onSubmit={() => {
        setFeedback(null);
        revoke.mutate(delegation.id, {
          onSuccess: onClose,
          onError: (error) => {
            setFeedback(
              adminFeedback<never>(error, [], {
                'delegations.not_found': { message: 'admin.delegations.errors.notFound' },
              }),
            );
          },
        });
      }}
      pending={revoke.isPending}
      feedback={feedback}
      error={revoke.error}
      testId="revoke-dialog"
    >
      <Text size="sm">
        {t('admin.delegations.revokeHint', {
          from: delegation.fromUser.fullName,
          to: delegation.toUser.fullName,
        })}
      </Text>
    </ActionDialog>
  );
}

function DelegationCard({ delegation, given }: { delegation: Delegation; given: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const today = toIsoDate(new Date());
  const state = delegation.revokedAt
    ? 'revoked'
    : delegation.validFrom > today
      ? 'upcoming'
      : 'active';
  const colors = { revoked: 'gray', upcoming: 'blue', active: 'green' } as const;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="delegation" data-state={state}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500}>
            {given
              ? t('admin.delegations.givenTo', { name: delegation.toUser.fullName })
              : t('admin.delegations.receivedFrom', { name: delegation.fromUser.fullName })}
          </Text>
          <Text size="xs" c="dimmed">
            {delegation.agency.name} ·{' '}
            {t('admin.delegations.period', {
              from: formatIsoDate(delegation.validFrom),
              to: formatIsoDate(delegation.validTo),
            })}
          </Text>
          <Group gap={4}>
            <Badge
              size="sm"
              color={colors[state]}
              variant="light"
              style={{ textTransform: 'none' }}
            >
              {t(`admin.delegations.states.${state}`)}
            </Badge>
            {delegation.roles.map((role) => (
              <Badge key={role} size="sm" variant="outline" style={{ textTransform: 'none' }}>
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
          {delegation.note && (
            <Text size="xs" fs="italic">
              {delegation.note}
            </Text>
          )}
        </Stack>
        {state !== 'revoked' && (
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => {
              setConfirming(true);
            }}
            data-testid="delegation-revoke"
          >
            {t('admin.delegations.revoke')}
          </Button>
        )}
      </Group>
      {confirming && (
        <RevokeDialog
          delegation={delegation}
          onClose={() => {
            setConfirming(false);
          }}
        />
      )}
    </Card>
  );
}

/**
 * The signed-in user's own delegations (given and received, not over) with create and revoke —
 * the API has no agency-wide list, so an admin sees and manages their own here too.
 */
export function DelegationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.delegations.title'));
  const me = useSession();
  const delegations = useDelegations();
  const [creating, { open, close }] = useDisclosure(false);
  const items = delegations.data?.items ?? [];
  const given = items.filter((item) => item.fromUser.id === me.user.id);
  const received = items.filter((item) => item.toUser.id === me.user.id);

  return (
    <Stack gap="md" maw={880}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t('admin.delegations.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.delegations.intro')}
          </Text>
        </Stack>
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={open}
          data-testid="delegation-create"
        >
          {t('admin.delegations.create')}
        </Button>
      </Group>
      {delegations.isError && (
        <ErrorAlert error={delegations.error} onRetry={() => void delegations.refetch()} />
      )}
      {delegations.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : (
        (['given', 'received'] as const).map((direction) => {
          const list = direction === 'given' ? given : received;
          return (
            <Stack key={direction} gap="xs">
              <Title order={2} fz="h4">
                {t(`admin.delegations.${direction}`)}
              </Title>
              {list.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('admin.delegations.empty')}
                </Text>
              ) : (
                list.map((delegation) => (
                  <DelegationCard
                    key={delegation.id}
                    delegation={delegation}
                    given={direction === 'given'}
                  />
                ))
              )}
            </Stack>
          );
        })
      )}
      {creating && <CreateDelegationDialog onClose={close} />}
    </Stack>
  );
}
