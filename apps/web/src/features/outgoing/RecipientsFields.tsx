import { MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useAgencyUnits } from '../incoming/queries';
import { AgencyPicker } from './AgencyPicker';
import { recipientCount } from './recipients';
import type { RecipientsValue } from './recipients';

/** Nơi nhận: agencies of the directory, units of the own agency, free-text lines (paper only). */
export function RecipientsFields({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: RecipientsValue;
  onChange: (next: RecipientsValue) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const units = useAgencyUnits(me.agency.id);
  const count = recipientCount(value);

  return (
    <Stack gap="md" data-testid="recipients-fields">
      <AgencyPicker
        value={value.agencies}
        onChange={(agencies) => {
          onChange({ ...value, agencies });
        }}
        error={error}
        inputRef={inputRef}
        excludeCodes={[me.agency.code]}
      />
      <MultiSelect
        label={t('outgoing.recipients.units')}
        description={t('outgoing.recipients.unitsHint')}
        placeholder={units.isPending ? t('app.loading') : undefined}
        data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        value={value.unitIds}
        onChange={(unitIds) => {
          onChange({ ...value, unitIds });
        }}
        searchable
        clearable
        nothingFoundMessage={t('people.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        data-testid="recipient-units"
      />
      <Textarea
        label={t('outgoing.recipients.text')}
        description={t('outgoing.recipients.textHint')}
        placeholder={t('outgoing.recipients.textPlaceholder')}
        autosize
        minRows={2}
        maxRows={8}
        value={value.text}
        onChange={(event) => {
          onChange({ ...value, text: event.currentTarget.value });
        }}
        data-testid="recipient-text"
      />
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="recipient-count">
        {t('outgoing.recipients.count', { count })}
      </Text>
    </Stack>
  );
}
