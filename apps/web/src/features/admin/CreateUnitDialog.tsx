import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { ActionDialog } from '../incoming/ActionDialog';
import type { FormFeedback } from '../incoming/problems';
import type { AgencyDetail } from './agencyQueries';
import { useCreateUnit } from './agencyQueries';
import { adminFeedback } from './problems';
import { useFormFeedback } from './useFormFeedback';

const fields = ['code', 'name', 'parentUnitId', 'validFrom'] as const;
type Field = (typeof fields)[number];

/** Adds a unit to an agency (`POST /api/agencies/:id/units`). */
export function CreateUnitDialog({
  agency,
  onClose,
}: {
  agency: AgencyDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUnit(agency.id);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentUnitId, setParentUnitId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();

  const submit = () => {
    const local: FormFeedback<Field>['fields'] = {};
    if (!code.trim()) local.code = 'forms.required';
    else if (!/^[\p{L}0-9]+$/u.test(code.trim())) local.code = 'admin.units.errors.codeFormat';
    if (!name.trim()) local.name = 'forms.required';
    if (Object.keys(local).length > 0) {
      setFeedback({ fields: local });
      return;
    }
    setFeedback(null);
    create.mutate(
      {
        code: code.trim(),
        name: name.trim(),
        parentUnitId: parentUnitId ?? undefined,
        validFrom: validFrom ?? undefined,
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(
            adminFeedback(
              error,
              fields,
              { 'units.code_taken': { field: 'code', message: 'admin.units.errors.codeTaken' } },
              { code: 'admin.units.errors.codeFormat' },
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
      title={t('admin.units.createTitle', { agency: agency.name })}
      submitLabel={t('admin.units.createSubmit')}
      onSubmit={submit}
      pending={create.isPending}
      feedback={feedback}
      error={create.error}
      testId="unit-dialog"
    >
      <TextInput
        label={t('admin.units.code')}
        description={t('admin.units.codeHint')}
        required
        maxLength={20}
        value={code}
        onChange={(event) => {
          setCode(event.currentTarget.value);
          clear('code');
        }}
        error={message('code')}
        data-autofocus
        data-testid="unit-code"
      />
      <TextInput
        label={t('admin.units.name')}
        required
        maxLength={300}
        value={name}
        onChange={(event) => {
          setName(event.currentTarget.value);
          clear('name');
        }}
        error={message('name')}
        data-testid="unit-name"
      />
      <Select
        label={t('admin.units.parent')}
        clearable
        data={agency.units
          .filter((unit) => unit.validTo === null)
          .map((unit) => ({ value: unit.id, label: `${unit.code} — ${unit.name}` }))}
        value={parentUnitId}
        onChange={setParentUnitId}
        error={message('parentUnitId')}
        comboboxProps={{ withinPortal: true }}
      />
      <DateField
        label={t('admin.units.validFrom')}
        description={t('admin.units.validFromHint')}
        value={validFrom}
        onChange={setValidFrom}
        error={message('validFrom')}
      />
    </ActionDialog>
  );
}
