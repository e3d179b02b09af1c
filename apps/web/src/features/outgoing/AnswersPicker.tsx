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
import { IconFileImport, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerRef } from './draft';
import { useIncomingToAnswer } from './queries';

/** The incoming documents a draft answers, found by number, notation or subject. */
export function AnswersPicker({
  value,
  onChange,
  error,
}: {
  value: AnswerRef[];
  onChange: (next: AnswerRef[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
    },
  });
  const [query] = useDebouncedValue(text, 300);
  const search = useIncomingToAnswer(query);
  const chosen = new Set(value.map((answer) => answer.id));
  const items = (search.data?.items ?? []).filter((item) => !chosen.has(item.id));

  return (
    <Stack gap={6}>
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          const item = items.find((entry) => entry.id === id);
          if (item) {
            onChange([...value, { id: item.id, reference: item.reference, subject: item.subject }]);
          }
          setText('');
          combobox.closeDropdown();
        }}
        withinPortal
      >
        <Combobox.Target>
          <TextInput
            label={t('outgoing.answers.label')}
            description={t('outgoing.answers.hint')}
            placeholder={t('outgoing.answers.search')}
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
            data-testid="answers-input"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={query.trim().length < 2}>
          <Combobox.Options mah={300} style={{ overflowY: 'auto' }}>
            {items.length === 0 ? (
              <Combobox.Empty>
                {search.isFetching ? t('app.loading') : t('outgoing.answers.noMatch')}
              </Combobox.Empty>
            ) : (
              items.map((item) => (
                <Combobox.Option value={item.id} key={item.id}>
                  <Text size="sm" fw={500}>
                    {item.reference}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {item.subject}
                  </Text>
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {value.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {value.map((answer) => (
            <Group
              key={answer.id}
              component="li"
              gap="xs"
              wrap="nowrap"
              p={6}
              style={{
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-sm)',
              }}
              data-testid="answer-item"
            >
              <IconFileImport size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {answer.reference}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {answer.subject}
                </Text>
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('outgoing.answers.remove', { name: answer.reference })}
                title={t('outgoing.answers.remove', { name: answer.reference })}
                onClick={() => {
                  onChange(value.filter((item) => item.id !== answer.id));
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
