import {
  ActionIcon,
  Combobox,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencySearch } from '../incoming/queries';

export interface AgencyRef {
  code: string;
  name: string;
}

/**
 * Recipient agencies from the directory, searched by name or code (`GET /api/agencies?q=`);
 * the chosen ones are listed under the search field, each with a remove button.
 */
export function AgencyPicker({
  value,
  onChange,
  error,
  inputRef,
  excludeCodes = [],
}: {
  value: AgencyRef[];
  onChange: (next: AgencyRef[]) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  excludeCodes?: readonly string[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
    },
  });
  const [query] = useDebouncedValue(text, 250);
  const search = useAgencySearch(query);
  const chosen = new Set(value.map((agency) => agency.code));
  const items = (search.data?.items ?? []).filter(
    (agency) =>
      agency.validTo === null && !chosen.has(agency.code) && !excludeCodes.includes(agency.code),
  );
  const searching = query.trim().length >= 2;

  return (
    <Stack gap={6}>
      <Combobox
        store={combobox}
        onOptionSubmit={(code) => {
          const agency = items.find((item) => item.code === code);
          if (agency) onChange([...value, { code: agency.code, name: agency.name }]);
          setText('');
          combobox.closeDropdown();
        }}
        withinPortal
      >
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            label={t('outgoing.recipients.agencies')}
            description={t('outgoing.recipients.agenciesHint')}
            placeholder={t('outgoing.recipients.agencySearch')}
            value={text}
            error={error}
            autoComplete="off"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            rightSection={
              search.isFetching ? <Loader size={14} aria-label={t('app.loading')} /> : undefined
            }
            onChange={(event) => {
              setText(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => {
              combobox.openDropdown();
            }}
            onBlur={() => {
              combobox.closeDropdown();
            }}
            data-testid="recipient-agency-input"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!searching}>
          <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
            {items.length === 0 ? (
              <Combobox.Empty>
                {search.isFetching ? t('app.loading') : t('outgoing.recipients.noMatch')}
              </Combobox.Empty>
            ) : (
              items.map((agency) => (
                <Combobox.Option value={agency.code} key={agency.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">{agency.name}</Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {agency.code}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {value.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {value.map((agency) => (
            <Group
              key={agency.code}
              component="li"
              gap="xs"
              wrap="nowrap"
              p={6}
              style={{
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-sm)',
              }}
              data-testid="recipient-agency"
            >
              <IconBuildingCommunity size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {agency.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {agency.code}
                </Text>
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('outgoing.recipients.remove', { name: agency.name })}
                title={t('outgoing.recipients.remove', { name: agency.name })}
                onClick={() => {
                  onChange(value.filter((item) => item.code !== agency.code));
                }}
              >
                <IconX size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
