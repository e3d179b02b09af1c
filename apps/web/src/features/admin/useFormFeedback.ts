import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFeedback, MessageKey } from '../incoming/problems';

/**
 * The feedback state of a form, the translated message of each field, and `clear(field)` to drop
 * a field's message as soon as the user changes that field.
 */
export function useFormFeedback<F extends string>() {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<FormFeedback<F> | null>(null);
  const message = (field: F): string | undefined => {
    const key: MessageKey | undefined = feedback?.fields[field];
    return key ? t(key) : undefined;
  };
  const clear = useCallback((field: F) => {
    setFeedback((current) => {
      if (!current?.fields[field]) return current;
      const fields = { ...current.fields };
      delete fields[field];
      return { ...current, fields };
    });
  }, []);
  return { feedback, setFeedback, message, clear };
}
