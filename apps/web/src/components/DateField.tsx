import { DateInput } from '@mantine/dates';
import type { DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDisplayDate } from '../i18n/format';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** `YYYY-MM-DD` or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A calendar date typed or picked as dd/MM/yyyy (whatever the UI language); the value is the API's
 * `YYYY-MM-DD`.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseDisplayDate}
      placeholder={t('forms.datePlaceholder')}
      leftSection={<IconCalendar size={16} aria-hidden="true" />}
      clearable
      value={value}
      onChange={(next) => {
        onChange(next ? next.slice(0, 10) : null);
      }}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
