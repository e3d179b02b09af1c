import { useState } from 'react';
import type { FormFeedback } from '../incoming/problems';
import { outgoingFeedback } from './problems';
import { useOutgoingAction } from './queries';

/**
 * What every outgoing action dialog does on submit: ignore a second submit while one is in
 * flight (double clicks act once), clear old problems, post the action, close on success, and
 * show the server's problems at the dialog's fields (or above the form).
 */
export function useOutgoingDialogAction<F extends string>(
  documentId: string,
  onClose: () => void,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
) {
  const action = useOutgoingAction(documentId);
  const [feedback, setFeedback] = useState<FormFeedback<F> | null>(null);
  const run = (path: string, body: unknown) => {
    if (action.isPending) return;
    setFeedback(null);
    action.mutate(
      { path, body },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(outgoingFeedback(error, fields, byCode));
        },
      },
    );
  };
  return { action, feedback, setFeedback, run };
}
