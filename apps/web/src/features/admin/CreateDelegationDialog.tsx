import { MultiSelect, Select, SimpleGrid, Textarea } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import type { Role } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { DateField } from '../../components/DateField';
import { toIsoDate } from '../../i18n/format';
import { ActionDialog } from '../incoming/ActionDialog';
import type { MessageKey } from '../incoming/problems';
import { PersonSelect } from '../people/PersonSelect';
import { useCreateDelegation } from './delegationQueries';
import { adminFeedback } from './problems';
import { useFormFeedback } from './useFormFeedback';

const fields = ['toUserId', 'agencyId', 'roles', 'validFrom', 'validTo', 'note'] as const;
type Field = (typeof fields)[number];

/** The signed-in user lends some of their roles in one agency to a colleague for a date range. */
export function CreateDelegationDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const create = useCreateDelegation();
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();
  const agencies = [...new Map(me.roles.map((r) => [r.agency.id, r.agency])).values()];
  const [agencyId, setAgencyId] = useState<string>(agencies[0]?.id ?? me.agency.id);
  const ownRoles = [
    ...new Set(me.roles.filter((r) => r.agency.id === agencyId).map((r) => r.role)),
  ];
  const [roles, setRoles] = useState<Role[]>([]);
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState<string | null>(toIsoDate(new Date()));
  const [validTo, setValidTo] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const submit = () => {
    const local: Partial<Record<Field, MessageKey>> = {};
    if (!toUserId) local.toUserId = 'forms.required';
    if (!validFrom) local.validFrom = 'forms.required';
    if (!validTo) local.validTo = 'forms.required';
    else if (validFrom && validTo < validFrom) local.validTo = 'admin.delegations.errors.validTo';
    if (!toUserId || !validFrom || !validTo || Object.keys(local).length > 0) {
      setFeedback({ fields: local });
      return;
    }
    setFeedback(null);
    create.mutate(
      {
        toUserId,
        agencyId,
        roles: roles.length > 0 ? roles : undefined,
        validFrom,
        validTo,
        note: note.trim() || undefined,
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(
            adminFeedback(error, fields, {
              [errorCodes.delegationInvalid]: {
                message: 'admin.delegations.errors.invalid',
                byPath: {
                  toUserId: 'admin.delegations.errors.toUser',
                  validTo: 'admin.delegations.errors.validTo',
                  roles: 'admin.delegations.errors.roles',
                },
              },
            }),
          );
        },
      },
    );
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('admin.delegations.createTitle')}
      submitLabel={t('admin.delegations.createSubmit')}
      onSubmit={submit}
      pending={create.isPending}
      feedback={feedback}
      error={create.error}
      testId="delegation-dialog"
    >
      {agencies.length > 1 && (
        <Select
          label={t('admin.delegations.agency')}
          data={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          value={agencyId}
          allowDeselect={false}
          onChange={(value) => {
            if (value) setAgencyId(value);
            setRoles([]);
          }}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <PersonSelect
        label={t('admin.delegations.toUser')}
        required
        people={{ agencyId }}
        excludeIds={[me.user.id]}
        value={toUserId}
        onChange={(value) => {
          setToUserId(value);
          clear('toUserId');
        }}
        error={message('toUserId')}
        data-testid="delegation-to"
      />
      <MultiSelect
        label={t('admin.delegations.roles')}
        description={t('admin.delegations.rolesHint')}
        data={ownRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={roles}
        onChange={(value) => {
          setRoles(value as Role[]);
          clear('roles');
        }}
        error={message('roles')}
        comboboxProps={{ withinPortal: true }}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateField
          label={t('admin.delegations.validFrom')}
          required
          value={validFrom}
          onChange={(value) => {
            setValidFrom(value);
            clear('validFrom');
          }}
          error={message('validFrom')}
        />
        <DateField
          label={t('admin.delegations.validTo')}
          required
          value={validTo}
          minDate={validFrom ?? undefined}
          onChange={(value) => {
            setValidTo(value);
            clear('validTo');
          }}
          error={message('validTo')}
          data-testid="delegation-valid-to"
        />
      </SimpleGrid>
      <Textarea
        label={t('admin.delegations.note')}
        autosize
        minRows={2}
        maxLength={500}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
        error={message('note')}
      />
    </ActionDialog>
  );
}
