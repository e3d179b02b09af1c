import { Select, TextInput } from '@mantine/core';
import { errorCodes, roleValues } from '@vanban/contracts';
import type { Role, User } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import { AgencySelect, UnitSelect } from './AgencySelect';
import { adminFeedback } from './problems';
import type { CodeRule } from './problems';
import { useFormFeedback } from './useFormFeedback';
import { useAssignPosition, useAssignRole } from './userQueries';

const fields = ['role', 'title', 'agencyId', 'unitId'] as const;
type Field = (typeof fields)[number];

const rules: Partial<Record<string, CodeRule<Field>>> = {
  [errorCodes.agencyNotFound]: { field: 'agencyId', message: 'admin.errors.agencyNotFound' },
  [errorCodes.unitNotFound]: { field: 'unitId', message: 'admin.errors.unitNotFound' },
};

/** A role (`kind="role"`) or a position (`kind="position"`) in an agency or one of its units. */
export function AccessDialog({
  user,
  kind,
  onClose,
}: {
  user: User;
  kind: 'role' | 'position';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const assignRole = useAssignRole(user.id);
  const assignPosition = useAssignPosition(user.id);
  const mutation = kind === 'role' ? assignRole : assignPosition;
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();
  const [role, setRole] = useState<Role | null>(null);
  const [title, setTitle] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(user.agency.id);
  const [unitId, setUnitId] = useState<string | null>(null);

  const submit = () => {
    const local: Partial<Record<Field, 'forms.required'>> = {};
    if (kind === 'role' && !role) local.role = 'forms.required';
    if (kind === 'position' && !title.trim()) local.title = 'forms.required';
    if (!agencyId) local.agencyId = 'forms.required';
    if (Object.keys(local).length > 0 || !agencyId) {
      setFeedback({ fields: local });
      return;
    }
    setFeedback(null);
    const options = {
      onSuccess: onClose,
      onError: (error: unknown) => {
        setFeedback(adminFeedback(error, fields, rules));
      },
    };
    const unit = unitId ?? undefined;
    if (kind === 'role' && role) assignRole.mutate({ role, agencyId, unitId: unit }, options);
    else assignPosition.mutate({ title: title.trim(), agencyId, unitId: unit }, options);
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(kind === 'role' ? 'admin.users.addRoleTitle' : 'admin.users.addPositionTitle', {
        name: user.fullName,
      })}
      submitLabel={t(kind === 'role' ? 'admin.users.addRole' : 'admin.users.addPosition')}
      onSubmit={submit}
      pending={mutation.isPending}
      feedback={feedback}
      error={mutation.error}
      testId={`${kind}-dialog`}
    >
      {kind === 'role' ? (
        <Select
          label={t('admin.users.fields.role')}
          required
          data={roleValues.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => {
            setRole(value as Role | null);
            clear('role');
          }}
          error={message('role')}
          comboboxProps={{ withinPortal: true }}
          data-testid="role-select"
        />
      ) : (
        <TextInput
          label={t('admin.users.fields.position')}
          placeholder={t('admin.users.positionPlaceholder')}
          required
          maxLength={200}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clear('title');
          }}
          error={message('title')}
          data-testid="position-title"
        />
      )}
      <AgencySelect
        label={t('admin.users.fields.agency')}
        required
        value={agencyId}
        onChange={(value) => {
          setAgencyId(value);
          setUnitId(null);
          clear('agencyId');
          clear('unitId');
        }}
        error={message('agencyId')}
      />
      <UnitSelect
        label={t('admin.users.fields.unit')}
        agencyId={agencyId}
        value={unitId}
        onChange={setUnitId}
        error={message('unitId')}
        data-testid="role-unit-select"
      />
    </ActionDialog>
  );
}
