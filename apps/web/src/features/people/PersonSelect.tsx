import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { personLabel, usePeople } from './people';
import type { PeopleFilter } from './people';

/** A colleague of the user's agencies, narrowed by unit and/or roles (`GET /api/people`). */
export function PersonSelect({
  people: filter,
  excludeIds = [],
  ...props
}: Omit<SelectProps, 'data'> & { people: PeopleFilter; excludeIds?: readonly string[] }) {
  const { t } = useTranslation();
  const people = usePeople(filter);
  const items = (people.data ?? []).filter((person) => !excludeIds.includes(person.id));
  return (
    <Select
      searchable
      nothingFoundMessage={t('people.nothingFound')}
      data={items.map((person) => ({ value: person.id, label: personLabel(person) }))}
      placeholder={people.isPending ? t('app.loading') : t('people.placeholder')}
      comboboxProps={{ withinPortal: true }}
      {...props}
      description={people.isError ? t('people.loadFailed') : props.description}
    />
  );
}
