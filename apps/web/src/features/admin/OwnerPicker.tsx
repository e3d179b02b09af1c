import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ImportCertificateBody } from '@vanban/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { AgencySelect } from './AgencySelect';
import { useUsers } from './userQueries';

export type Owner = ImportCertificateBody['owner'];

/** An account of the administered agencies, searched on the server by name or username. */
function UserSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const users = useUsers(q, null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Select
      label={t('admin.certificates.ownerUser')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={items.map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` }))}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={t('admin.users.empty')}
      comboboxProps={{ withinPortal: true }}
      data-testid="owner-user"
    />
  );
}

/**
 * Whose certificate or image it is. `scope="own"`: the user themself, or their agency (the API
 * decides who may act for an agency); `scope="all"`: any account or agency the admin manages.
 */
export function OwnerPicker({
  scope,
  value,
  onChange,
  error,
}: {
  scope: 'own' | 'all';
  value: Owner | null;
  onChange: (owner: Owner | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const labelId = useId();
  // An agency's signing material is kept by its clerks and leaders (the API checks it too).
  const keepsAgency = me.roles.some(
    (r) => (r.role === 'clerk' || r.role === 'leader') && r.agency.id === me.agency.id,
  );
  const [kind, setKindState] = useState<Owner['kind']>(value?.kind ?? 'user');
  if (scope === 'own' && !keepsAgency) {
    return (
      <Text size="sm">
        {t('admin.certificates.owner')}: {me.user.fullName}
      </Text>
    );
  }

  const setKind = (next: string) => {
    setKindState(next === 'agency' ? 'agency' : 'user');
    if (next === 'agency') {
      onChange(scope === 'own' ? { kind: 'agency', agencyId: me.agency.id } : null);
    } else {
      onChange(scope === 'own' ? { kind: 'user' } : null);
    }
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={labelId}>
        {t('admin.certificates.owner')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={kind}
        onChange={setKind}
        data={[
          {
            value: 'user',
            label: t(
              scope === 'own' ? 'admin.certificates.ownerMe' : 'admin.certificates.ownerUser',
            ),
          },
          {
            value: 'agency',
            label: t(
              scope === 'own'
                ? 'admin.certificates.ownerMyAgency'
                : 'admin.certificates.ownerAgency',
            ),
          },
        ]}
        data-testid="owner-kind"
      />
      {scope === 'own' ? (
        <Text size="xs" c="dimmed">
          {kind === 'agency' ? me.agency.name : me.user.fullName}
        </Text>
      ) : kind === 'agency' ? (
        <AgencySelect
          label={t('admin.certificates.ownerAgency')}
          required
          value={value?.kind === 'agency' ? value.agencyId : null}
          onChange={(agencyId) => {
            onChange(agencyId ? { kind: 'agency', agencyId } : null);
          }}
          error={error}
        />
      ) : (
        <UserSelect
          value={value?.kind === 'user' ? (value.userId ?? null) : null}
          onChange={(userId) => {
            onChange(userId ? { kind: 'user', userId } : null);
          }}
          error={error}
        />
      )}
      {scope === 'own' && error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
