import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { errorCodes, roleValues } from '@vanban/contracts';
import type { Role } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { ActionDialog } from '../incoming/ActionDialog';
import { AgencySelect, UnitSelect } from './AgencySelect';
import { adminFeedback } from './problems';
import { useFormFeedback } from './useFormFeedback';
import { RoleNotAssigned, useCreateUserWithRole } from './userQueries';
import { checkUserForm, userFieldMessages } from './userForm';
import type { UserFormField } from './userForm';

const fields = [
  'username',
  'fullName',
  'email',
  'phone',
  'agencyId',
  'password',
  'role',
  'unitId',
] as const satisfies readonly UserFormField[];

/** A new account with its first role (optional). Opens the user's page when done. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreateUserWithRole();
  const [form, setForm] = useState({
    username: '',
    fullName: '',
    email: '',
    phone: '',
    password: '',
  });
  const [agencyId, setAgencyId] = useState<string | null>(me.agency.id);
  const [role, setRole] = useState<Role | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const { feedback, setFeedback, message, clear } = useFormFeedback<UserFormField>();
  const text = (field: keyof typeof form) => ({
    value: form[field],
    error: message(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [field]: value }));
      clear(field);
    },
  });

  const submit = () => {
    const local = checkUserForm({ ...form, agencyId });
    if (Object.keys(local).length > 0 || !agencyId) {
      setFeedback({ fields: local });
      return;
    }
    setFeedback(null);
    create.mutate(
      {
        user: {
          username: form.username.trim(),
          fullName: form.fullName.trim(),
          email: form.email.trim() || undefined,
          phone: form.phone.trim() || undefined,
          agencyId,
          password: form.password,
        },
        role: role ? { role, agencyId, unitId: unitId ?? undefined } : null,
      },
      {
        onSuccess: (user) => {
          onClose();
          void navigate(`/admin/users/${user.id}`);
        },
        onError: (error) => {
          if (error instanceof RoleNotAssigned) {
            onClose();
            void navigate(`/admin/users/${error.user.id}?roleFailed=1`);
            return;
          }
          setFeedback(
            adminFeedback(
              error,
              fields,
              {
                [errorCodes.usernameTaken]: {
                  field: 'username',
                  message: 'admin.users.errors.usernameTaken',
                },
                [errorCodes.agencyNotFound]: {
                  field: 'agencyId',
                  message: 'admin.errors.agencyNotFound',
                },
              },
              userFieldMessages,
            ),
          );
        },
      },
    );
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('admin.users.createTitle')}
      submitLabel={t('admin.users.createSubmit')}
      onSubmit={submit}
      pending={create.isPending}
      feedback={feedback}
      error={create.error}
      testId="user-dialog"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('admin.users.fields.username')}
          description={t('admin.users.usernameHint')}
          required
          autoComplete="off"
          data-autofocus
          data-testid="user-username"
          {...text('username')}
        />
        <TextInput
          label={t('admin.users.fields.fullName')}
          required
          data-testid="user-full-name"
          {...text('fullName')}
        />
        <TextInput label={t('admin.users.fields.email')} type="email" {...text('email')} />
        <TextInput label={t('admin.users.fields.phone')} type="tel" {...text('phone')} />
      </SimpleGrid>
      <AgencySelect
        label={t('admin.users.fields.agency')}
        required
        value={agencyId}
        onChange={(value) => {
          setAgencyId(value);
          setUnitId(null);
          clear('agencyId');
        }}
        error={message('agencyId')}
        data-testid="user-agency"
      />
      <PasswordInput
        label={t('admin.users.fields.password')}
        description={t('admin.users.passwordHint')}
        required
        autoComplete="new-password"
        data-testid="user-password"
        {...text('password')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('admin.users.fields.role')}
          description={t('admin.users.roleHint')}
          clearable
          data={roleValues.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => {
            setRole(value as Role | null);
          }}
          error={message('role')}
          comboboxProps={{ withinPortal: true }}
          data-testid="user-role-select"
        />
        <UnitSelect
          label={t('admin.users.fields.unit')}
          agencyId={agencyId}
          value={unitId}
          onChange={setUnitId}
          error={message('unitId')}
          disabled={!agencyId || !role}
          data-testid="user-unit-select"
        />
      </SimpleGrid>
    </ActionDialog>
  );
}
