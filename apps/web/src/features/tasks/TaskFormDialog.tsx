import {
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '../../components/DateField';
import { adminFeedback } from '../admin/problems';
import { useFormFeedback } from '../admin/useFormFeedback';
import { ActionDialog } from '../incoming/ActionDialog';
import { useAgencyUnits } from '../incoming/queries';
import { PersonSelect } from '../people/PersonSelect';
import { taskRules } from './errors';
import { ownerInput } from './model';
import type { OwnerKind } from './model';
import { useChildAgencies, useTaskAction } from './queries';

type Field = 'title' | 'description' | 'owner' | 'due';
const fields: readonly Field[] = ['title', 'description', 'owner', 'due'];

/**
 * Gives a task (standalone, issued by `agencyId`) or a sub-task of `parent` (issued by the parent's
 * owner agency): to one of the agency's units (optionally a person in it), to an agency under it,
 * or to a person; co-owner units; due date; public or not.
 */
export function TaskFormDialog({
  agencyId,
  parent,
  onClose,
}: {
  agencyId: string;
  /** A sub-task of a unit's task stays inside that unit (`unitId`). */
  parent?: { id: string; title: string; dueDate: string | null; unitId: string | null };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useTaskAction();
  const units = useAgencyUnits(agencyId);
  const children = useChildAgencies(agencyId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<OwnerKind>('unit');
  const [ownerAgency, setOwnerAgency] = useState<string | null>(null);
  const [ownerUnit, setOwnerUnit] = useState<string | null>(null);
  const [ownerUser, setOwnerUser] = useState<string | null>(null);
  const [coUnits, setCoUnits] = useState<string[]>([]);
  const [due, setDue] = useState<string | null>(parent?.dueDate ?? null);
  const [isPublic, setPublic] = useState(false);
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();
  const childAgencies = (children.data?.items ?? []).filter((agency) => agency.id !== agencyId);

  const submit = () => {
    const owner = ownerInput({
      kind,
      agencyId: ownerAgency,
      unitId: kind === 'user' ? (parent?.unitId ?? null) : ownerUnit,
      userId: ownerUser,
    });
    const problems: Partial<Record<Field, 'forms.required' | 'tasks.errors.ownerRequired'>> = {};
    if (title.trim() === '') problems.title = 'forms.required';
    if (!owner) problems.owner = 'tasks.errors.ownerRequired';
    if (Object.keys(problems).length > 0 || !owner) {
      setFeedback({ fields: problems });
      return;
    }
    setFeedback(null);
    const body = {
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      owner,
      coOwners: coUnits
        .filter((id) => id !== ownerUnit)
        .map((id) => ({ kind: 'unit' as const, id })),
      ...(due ? { due: { date: due } } : {}),
      public: isPublic,
    };
    action.mutate(
      parent
        ? { method: 'POST', path: `/api/tasks/${parent.id}/subtasks`, body }
        : { method: 'POST', path: '/api/tasks', body: { agencyId, ...body } },
      {
        onSuccess: (task) => {
          onClose();
          if (!parent && task) void navigate(`/tasks/${task.id}`);
        },
        onError: (error) => {
          setFeedback(adminFeedback(error, fields, taskRules));
        },
      },
    );
  };

  const unitOptions = (units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }));

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t(parent ? 'tasks.subtaskTitle' : 'tasks.createTitle')}
      submitLabel={t('tasks.submit')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="task-form-dialog"
    >
      <Stack gap="sm">
        {parent && (
          <Text size="sm" c="dimmed">
            {t('tasks.subtaskOf', { title: parent.title })}
          </Text>
        )}
        <TextInput
          label={t('tasks.fields.title')}
          required
          maxLength={1000}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clear('title');
          }}
          error={message('title')}
          data-testid="task-title"
        />
        <Textarea
          label={t('tasks.fields.description')}
          autosize
          minRows={2}
          maxLength={8000}
          value={description}
          onChange={(event) => {
            setDescription(event.currentTarget.value);
          }}
          error={message('description')}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('tasks.ownerKind')}
          </Text>
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(value) => {
              setKind(value === 'agency' ? 'agency' : value === 'user' ? 'user' : 'unit');
              clear('owner');
            }}
            data={[
              { value: 'unit', label: t('tasks.ownerKindUnit') },
              ...(childAgencies.length > 0
                ? [{ value: 'agency', label: t('tasks.ownerKindAgency') }]
                : []),
              { value: 'user', label: t('tasks.ownerKindUser') },
            ]}
            data-testid="task-owner-kind"
          />
        </div>
        {kind === 'agency' ? (
          <Select
            label={t('tasks.fields.ownerAgency')}
            placeholder={t('tasks.agencyPlaceholder')}
            required
            searchable
            data={childAgencies.map((agency) => ({ value: agency.id, label: agency.name }))}
            value={ownerAgency}
            onChange={(value) => {
              setOwnerAgency(value);
              clear('owner');
            }}
            error={message('owner')}
            comboboxProps={{ withinPortal: true }}
            data-testid="task-owner-agency"
          />
        ) : kind === 'unit' ? (
          <>
            <Select
              label={t('tasks.fields.ownerUnit')}
              placeholder={t('tasks.unitPlaceholder')}
              required
              searchable
              data={unitOptions}
              value={ownerUnit}
              onChange={(value) => {
                setOwnerUnit(value);
                setOwnerUser(null);
                clear('owner');
              }}
              error={message('owner')}
              comboboxProps={{ withinPortal: true }}
              data-testid="task-owner-unit"
            />
            {ownerUnit && (
              <PersonSelect
                label={t('tasks.fields.ownerUser')}
                people={{ agencyId, unitId: ownerUnit }}
                value={ownerUser}
                onChange={setOwnerUser}
                clearable
                data-testid="task-owner-user"
              />
            )}
          </>
        ) : (
          <PersonSelect
            label={t('tasks.fields.ownerUser')}
            required
            people={parent?.unitId ? { agencyId, unitId: parent.unitId } : { agencyId }}
            value={ownerUser}
            onChange={(value) => {
              setOwnerUser(value);
              clear('owner');
            }}
            error={message('owner')}
            data-testid="task-owner-person"
          />
        )}
        <MultiSelect
          label={t('tasks.fields.coOwnerUnits')}
          data={unitOptions.filter((option) => option.value !== ownerUnit)}
          value={coUnits}
          onChange={setCoUnits}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <DateField
          label={t('tasks.fields.due')}
          value={due}
          onChange={(value) => {
            setDue(value);
            clear('due');
          }}
          error={message('due')}
          data-testid="task-due"
        />
        <Switch
          label={t('tasks.fields.public')}
          checked={isPublic}
          onChange={(event) => {
            setPublic(event.currentTarget.checked);
          }}
        />
      </Stack>
    </ActionDialog>
  );
}
