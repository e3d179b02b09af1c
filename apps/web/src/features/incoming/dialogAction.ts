import { useState } from 'react';
import { fieldFeedback, type FormFeedback } from './problems';
import { useIncomingAction } from './queries';

/**
 * What every action dialog does on submit: clear old problems, post the action, close on
 * success, and show the server's problems at the dialog's fields (or above the form).
 */
export function useDialogAction<F extends string>(
  documentId: string,
  onClose: () => void,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
) {
  const action = useIncomingAction(documentId);
  const [feedback, setFeedback] = useState<FormFeedback<F> | null>(null);
  const run = (path: string, body: unknown) => {
    setFeedback(null);
    action.mutate(
      { path, body },
      {
        onSuccess: onClose,
        onError: (error) => setFeedback(fieldFeedback(error, fields, byCode)),
      },
    );
  };
  return { action, feedback, setFeedback, run };
}
