import { Select } from '@mantine/core';
import type { ComboboxItem, OptionsFilter, SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../i18n/format';
import { useAgency, useDirectory } from './agencyQueries';
import { fold } from './agencyTree';

/** Matches typed text without diacritics against the agency name and code. */
const foldedFilter: OptionsFilter = ({ options, search }) => {
  const q = fold(search.trim());
  return (options as ComboboxItem[]).filter((option) => fold(option.label).includes(q));
};

/** An agency in force today, searched by name or code. */
export function AgencySelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const directory = useDirectory(toIsoDate(new Date()), false);
  const data = useMemo(
    () =>
      (directory.data?.items ?? []).map((agency) => ({
        value: agency.id,
        label: `${agency.name} (${agency.code})`,
      })),
    [directory.data],
  );
  return (
    <Select
      searchable
      filter={foldedFilter}
      limit={50}
      nothingFoundMessage={t('admin.agencies.empty')}
      placeholder={directory.isPending ? t('app.loading') : t('admin.agencies.pick')}
      comboboxProps={{ withinPortal: true }}
      data={data}
      {...props}
    />
  );
}

/** A current unit of `agencyId` (none chosen = the whole agency). */
export function UnitSelect({
  agencyId,
  ...props
}: Omit<SelectProps, 'data'> & { agencyId: string | null }) {
  const { t } = useTranslation();
  const agency = useAgency(agencyId);
  const data = (agency.data?.units ?? [])
    .filter((unit) => unit.validTo === null)
    .map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }));
  return (
    <Select
      clearable
      searchable
      placeholder={t('admin.users.wholeAgency')}
      nothingFoundMessage={t('admin.units.empty')}
      comboboxProps={{ withinPortal: true }}
      data={data}
      disabled={!agencyId}
      {...props}
    />
  );
}
