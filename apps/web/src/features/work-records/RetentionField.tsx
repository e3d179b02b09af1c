import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The retention period as typed: empty is permanent, else whole years (see `parseRetention`). */
export function RetentionField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('records.fields.retention')}
      description={t('records.fields.retentionHint')}
      inputMode="numeric"
      maxLength={2}
      value={value}
      onChange={(event) => {
        onChange(event.currentTarget.value);
      }}
      error={error}
    />
  );
}
