import { PasswordInput, Text, TextInput } from '@mantine/core';
import type { User } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import { adminFeedback } from './problems';
import { useFormFeedback } from './useFormFeedback';
import { passwordProblem, userFieldMessages } from './userForm';
import { useResetPassword, useUpdateUser } from './userQueries';

const editFields = ['fullName', 'email', 'phone'] as const;
type EditField = (typeof editFields)[number];

export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const { feedback, setFeedback, message, clear } = useFormFeedback<EditField>();
  const [fullName, setFullName] = useState(user.fullName);
  const [email, setEmail] = useState(user.email ?? '');
  const [phone, setPhone] = useState(user.phone ?? '');
  const submit = () => {
    if (!fullName.trim()) {
      setFeedback({ fields: { fullName: 'forms.required' } });
      return;
    }
    setFeedback(null);
    update.mutate(
      { fullName: fullName.trim(), email: email.trim() || null, phone: phone.trim() || null },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(adminFeedback(error, editFields, {}, userFieldMessages));
        },
      },
    );
  };
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('admin.users.editTitle', { name: user.fullName })}
      submitLabel={t('admin.users.save')}
      onSubmit={submit}
      pending={update.isPending}
      feedback={feedback}
      error={update.error}
    >
      <TextInput
        label={t('admin.users.fields.fullName')}
        required
        value={fullName}
        onChange={(event) => {
          setFullName(event.currentTarget.value);
          clear('fullName');
        }}
        error={message('fullName')}
        data-autofocus
      />
      <TextInput
        label={t('admin.users.fields.email')}
        type="email"
        value={email}
        onChange={(event) => {
          setEmail(event.currentTarget.value);
          clear('email');
        }}
        error={message('email')}
      />
      <TextInput
        label={t('admin.users.fields.phone')}
        type="tel"
        value={phone}
        onChange={(event) => {
          setPhone(event.currentTarget.value);
        }}
        error={message('phone')}
      />
    </ActionDialog>
  );
}

export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  const { feedback, setFeedback, message, clear } = useFormFeedback<'password'>();
  const [password, setPassword] = useState('');
  const submit = () => {
    const problem = passwordProblem(password);
    if (problem) {
      setFeedback({ fields: { password: problem } });
      return;
    }
    setFeedback(null);
    reset.mutate(password, {
      onSuccess: () => {
        onDone();
        onClose();
      },
      onError: (error) => {
        setFeedback(adminFeedback(error, ['password'] as const, {}, userFieldMessages));
      },
    });
  };
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('admin.users.resetTitle', { name: user.fullName })}
      submitLabel={t('admin.users.resetSubmit')}
      onSubmit={submit}
      pending={reset.isPending}
      feedback={feedback}
      error={reset.error}
      testId="reset-dialog"
    >
      <Text size="sm">{t('admin.users.resetHint')}</Text>
      <PasswordInput
        label={t('admin.users.fields.newPassword')}
        description={t('admin.users.passwordHint')}
        required
        autoComplete="new-password"
        value={password}
        onChange={(event) => {
          setPassword(event.currentTarget.value);
          clear('password');
        }}
        error={message('password')}
        data-autofocus
        data-testid="reset-password"
      />
    </ActionDialog>
  );
}

/** Disables (signs out everywhere) or enables again an account, after a confirmation. */
export function DisableUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const { feedback, setFeedback } = useFormFeedback<never>();
  const disabling = !user.disabled;
  const submit = () => {
    setFeedback(null);
    update.mutate(
      { disabled: disabling },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(adminFeedback<never>(error, []));
        },
      },
    );
  };
  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(disabling ? 'admin.users.disableTitle' : 'admin.users.enableTitle', {
        name: user.fullName,
      })}
      submitLabel={t(disabling ? 'admin.users.disable' : 'admin.users.enable')}
      submitColor={disabling ? 'red' : undefined}
      onSubmit={submit}
      pending={update.isPending}
      feedback={feedback}
      error={update.error}
      testId="disable-dialog"
    >
      <Text size="sm">{t(disabling ? 'admin.users.disableHint' : 'admin.users.enableHint')}</Text>
    </ActionDialog>
  );
}
