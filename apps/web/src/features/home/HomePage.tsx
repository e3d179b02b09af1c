import { Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChartBar,
  IconFileExport,
  IconFileImport,
  IconId,
  IconShieldCheck,
  IconShieldOff,
  IconUserShare,
  IconUsers,
} from '@tabler/icons-react';
import type { Delegation, MeResponse, Role } from '@vanban/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { formatIsoDate, formatIsoDateTime } from '../../i18n/format';
import { canSee, navItems } from '../shell/navigation';
import { IncomingCounts } from './IncomingCounts';
import { OnTimeChart } from './OnTimeChart';
import { OutgoingCounts } from './OutgoingCounts';

type Assignment = MeResponse['roles'][number];

interface RoleGroup {
  key: string;
  agency: Assignment['agency'];
  unit: Assignment['unit'];
  roles: Role[];
}

/** Roles grouped by where they apply: one row per agency (whole agency) or unit. */
export function groupRoles(assignments: readonly Assignment[]): RoleGroup[] {
  const groups = new Map<string, RoleGroup>();
  for (const assignment of assignments) {
    const key = `${assignment.agency.id}/${assignment.unit?.id ?? ''}`;
    const group = groups.get(key);
    if (group) {
      if (!group.roles.includes(assignment.role)) {
        group.roles.push(assignment.role);
      }
    } else {
      groups.set(key, {
        key,
        agency: assignment.agency,
        unit: assignment.unit,
        roles: [assignment.role],
      });
    }
  }
  return [...groups.values()];
}

function Section({
  icon,
  title,
  children,
  testId,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon variant="light" size={36} radius="md" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={2} fz="h4">
          {title}
        </Title>
      </Group>
      {children}
    </Card>
  );
}

function DelegationLine({
  delegation,
  direction,
}: {
  delegation: Delegation;
  direction: 'received' | 'given';
}) {
  const { t } = useTranslation();
  const name = direction === 'received' ? delegation.fromUser.fullName : delegation.toUser.fullName;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {direction === 'received'
          ? t('home.delegationReceived', { name })
          : t('home.delegationGiven', { name })}
      </Text>
      <Text size="xs" c="dimmed">
        {delegation.agency.name} ·{' '}
        {t('home.delegationValidity', {
          from: formatIsoDate(delegation.validFrom),
          to: formatIsoDate(delegation.validTo),
        })}
      </Text>
      {delegation.roles.length > 0 && (
        <Group gap={4}>
          {delegation.roles.map((role) => (
            <Badge key={role} size="sm" variant="outline" style={{ textTransform: 'none' }}>
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
      )}
      {delegation.note && (
        <Text size="xs" fs="italic">
          {delegation.note}
        </Text>
      )}
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  usePageTitle(t('nav.home'));
  const roleGroups = groupRoles(me.roles);
  const incomingItem = navItems.find((item) => item.id === 'incoming');
  const seesIncoming = incomingItem !== undefined && canSee(incomingItem, userRoles(me));
  const outgoingItem = navItems.find((item) => item.id === 'outgoing');
  const seesOutgoing = outgoingItem !== undefined && canSee(outgoingItem, userRoles(me));
  const delegations = [
    ...me.delegations.received.map((delegation) => ({
      delegation,
      direction: 'received' as const,
    })),
    ...me.delegations.given.map((delegation) => ({ delegation, direction: 'given' as const })),
  ];

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} fz="h2" data-testid="home-greeting">
          {t('home.greeting', { name: me.user.fullName })}
        </Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </Stack>

      {seesIncoming && (
        <Section
          icon={<IconFileImport size={20} />}
          title={t('home.incomingTitle')}
          testId="home-incoming"
        >
          <IncomingCounts />
        </Section>
      )}

      {seesIncoming && (
        <Section
          icon={<IconChartBar size={20} />}
          title={t('home.onTime.title')}
          testId="home-on-time"
        >
          <OnTimeChart />
        </Section>
      )}

      {seesOutgoing && (
        <Section
          icon={<IconFileExport size={20} />}
          title={t('outgoing.home.title')}
          testId="home-outgoing"
        >
          <OutgoingCounts />
        </Section>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section
          icon={<IconBuildingCommunity size={20} />}
          title={t('home.agency')}
          testId="home-agency"
        >
          <Text fw={600} data-testid="home-agency-name">
            {me.agency.name}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {me.agency.code}
          </Text>
          <Text size="sm" fw={500} mb={4}>
            {t('home.units')}
          </Text>
          {me.units.length > 0 ? (
            <Group gap={6}>
              {me.units.map((unit) => (
                <Badge key={unit.id} variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {unit.name}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('home.noUnits')}
            </Text>
          )}
        </Section>

        <Section
          icon={me.user.totpEnabled ? <IconShieldCheck size={20} /> : <IconShieldOff size={20} />}
          title={t('home.securityTitle')}
        >
          <Stack gap="xs">
            <Text size="sm">
              {me.user.totpEnabled ? t('home.twoFactorOn') : t('home.twoFactorOff')}
            </Text>
            {me.auth.expiresAt && (
              <Text size="sm" c="dimmed">
                {t('home.sessionExpires', { time: formatIsoDateTime(me.auth.expiresAt) })}
              </Text>
            )}
          </Stack>
        </Section>

        <Section icon={<IconUsers size={20} />} title={t('home.rolesTitle')} testId="home-roles">
          {roleGroups.length > 0 ? (
            <Stack gap="sm">
              {roleGroups.map((group) => (
                <Stack key={group.key} gap={4}>
                  <Text size="sm" fw={500}>
                    {group.unit ? group.unit.name : t('home.wholeAgency')}
                    <Text span size="sm" c="dimmed">
                      {' · '}
                      {group.agency.name}
                    </Text>
                  </Text>
                  <Group gap={6}>
                    {group.roles.map((role) => (
                      <Badge key={role} variant="light" style={{ textTransform: 'none' }}>
                        {t(`roles.${role}`)}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('home.rolesEmpty')}
            </Text>
          )}
        </Section>

        <Section
          icon={<IconId size={20} />}
          title={t('home.positionsTitle')}
          testId="home-positions"
        >
          {me.positions.length > 0 ? (
            <List spacing="xs" listStyleType="none" ml={0} pl={0}>
              {me.positions.map((position) => (
                <List.Item key={position.id}>
                  <Text size="sm" fw={500}>
                    {position.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {position.unit ? `${position.unit.name} · ` : ''}
                    {position.agency.name}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('home.positionsEmpty')}
            </Text>
          )}
        </Section>
      </SimpleGrid>

      <Section
        icon={<IconUserShare size={20} />}
        title={t('home.delegationsTitle')}
        testId="home-delegations"
      >
        {delegations.length > 0 ? (
          <Stack gap="md">
            {delegations.map(({ delegation, direction }) => (
              <DelegationLine
                key={`${direction}-${delegation.id}`}
                delegation={delegation}
                direction={direction}
              />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('home.delegationsEmpty')}
          </Text>
        )}
      </Section>
    </Stack>
  );
}
