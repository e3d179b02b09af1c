import { ActionIcon, TextInput } from '@mantine/core';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import type { SubmitEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Full-text search over incoming documents; opens `/incoming/search?q=…`. */
export function IncomingSearchBox({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = q.trim();
    if (text) {
      void navigate(`/incoming/search?q=${encodeURIComponent(text)}`);
    }
  };

  return (
    <form role="search" onSubmit={onSubmit} aria-label={t('incoming.search.label')}>
      <TextInput
        type="search"
        aria-label={t('incoming.search.label')}
        placeholder={t('incoming.search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
        }}
        maxLength={200}
        rightSection={
          <ActionIcon type="submit" variant="subtle" aria-label={t('incoming.search.submit')}>
            <IconArrowRight size={16} aria-hidden="true" />
          </ActionIcon>
        }
        data-testid="incoming-search-input"
      />
    </form>
  );
}
