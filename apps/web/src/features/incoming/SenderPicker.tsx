import { Badge, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencySearch } from './queries';

/** The sender: an agency chosen from the directory (by code), or free text. */
export interface SenderValue {
  text: string;
  agency: { code: string; name: string } | null;
}

export function SenderPicker({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: SenderValue;
  onChange: (next: SenderValue) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
    },
  });
  const [query] = useDebouncedValue(value.agency ? '' : value.text, 250);
  const search = useAgencySearch(query);
  const items = search.data?.items ?? [];
  const searching = query.trim().length >= 2;

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(code) => {
        const agency = items.find((item) => item.code === code);
        if (agency) {
          onChange({ text: agency.name, agency: { code: agency.code, name: agency.name } });
        }
        combobox.closeDropdown();
      }}
      withinPortal
    >
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          label={t('incoming.fields.sender')}
          description={t('incoming.register.senderHint')}
          required
          value={value.text}
          error={error}
          autoComplete="off"
          leftSection={<IconBuildingCommunity size={16} aria-hidden="true" />}
          rightSection={
            search.isFetching ? (
              <Loader size={14} aria-label={t('app.loading')} />
            ) : value.agency ? (
              <Badge size="xs" variant="light" style={{ textTransform: 'none' }}>
                {t('incoming.register.inDirectory')}
              </Badge>
            ) : undefined
          }
          rightSectionWidth={value.agency ? 116 : undefined}
          onChange={(event) => {
            onChange({ text: event.currentTarget.value, agency: null });
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => {
            combobox.openDropdown();
          }}
          onFocus={() => {
            combobox.openDropdown();
          }}
          onBlur={() => {
            combobox.closeDropdown();
          }}
          data-testid="sender-input"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching || value.agency !== null}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {items.length === 0 ? (
            <Combobox.Empty>
              {search.isFetching ? t('app.loading') : t('incoming.register.senderFreeText')}
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
  );
}
