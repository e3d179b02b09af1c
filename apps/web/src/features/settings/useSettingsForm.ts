import { useState } from 'react';
import { adminFeedback } from '../admin/problems';
import type { CodeRule } from '../admin/problems';
import { useFormFeedback } from '../admin/useFormFeedback';

interface SaveMutation<Body, Answer> {
  mutate: (
    body: Body,
    callbacks: { onSuccess: (answer: Answer) => void; onError: (error: Error) => void },
  ) => void;
}

/**
 * What every settings editor keeps: the form made from the server's settings, whether the last
 * save went through, and the save's problems (at `fields`, or above the form). `update` marks the
 * form unsaved and drops the messages the change makes stale; `submit` saves and shows the
 * server's answer; `reset` goes back to the saved settings.
 */
export function useSettingsForm<Answer, Form, Body, F extends string = never>({
  settings,
  toForm,
  save,
  fields = [],
  rules,
}: {
  settings: Answer;
  toForm: (settings: Answer) => Form;
  save: SaveMutation<Body, Answer>;
  fields?: readonly F[];
  rules: Partial<Record<string, CodeRule<F>>>;
}) {
  const [form, setForm] = useState<Form>(() => toForm(settings));
  const [saved, setSaved] = useState(false);
  const { feedback, setFeedback, message, clear } = useFormFeedback<F>();

  const update = (change: (current: Form) => Form, field?: F) => {
    setForm(change);
    setSaved(false);
    if (field) clear(field);
    if (feedback?.form) setFeedback(null);
  };

  const submit = (body: Body) => {
    setFeedback(null);
    save.mutate(body, {
      onSuccess: (answer) => {
        setForm(toForm(answer));
        setSaved(true);
      },
      onError: (error) => {
        setFeedback(adminFeedback(error, fields, rules));
      },
    });
  };

  const reset = () => {
    setForm(toForm(settings));
    setFeedback(null);
  };

  return { form, saved, feedback, message, update, submit, reset };
}
