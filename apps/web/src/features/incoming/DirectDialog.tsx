import { MultiSelect, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { errorCodes, type DirectBody, type IncomingDetail } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { toIsoDate } from '../../i18n/format';
import { personLabel, usePeople } from '../people/people';
import { ActionDialog } from './ActionDialog';
import { useDialogAction } from './dialogAction';
import type { FormFeedback } from './problems';
import { useAgencyUnits } from './queries';

type DirectField = 'direction' | 'lead' | 'coHandlers' | 'forInformation' | 'due';
const directFields: readonly DirectField[] = [
  'direction',
  'lead',
  'coHandlers',
  'forInformation',
  'due',
];

/** `unit:<id>` / `user:<id>` option values → the API's assignee. */
export function assigneeOf(value: string, due: string | null) {
  const [kind, id = ''] = value.split(':');
  return {
    ...(kind === 'unit' ? { unitId: id } : { userId: id }),
    ...(due ? { due: { date: due } } : {}),
  };
}

/** The leader's direction (bút phê): lead, co-handlers, for-information, due dates. */
export function DirectDialog({
  detail,
  opened,
  onClose,
}: {
  detail: IncomingDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { action, feedback, setFeedback, run } = useDialogAction(detail.id, onClose, directFields, {
    [errorCodes.incomingAssigneeInvalid]: 'lead',
    [errorCodes.incomingDueDatePast]: 'due',
  });
  const units = useAgencyUnits(detail.agency.id);
  const people = usePeople({ agencyId: detail.agency.id });
  const today = toIsoDate(new Date());

  const [direction, setDirection] = useState('');
  const [lead, setLead] = useState<string | null>(null);
  const [leadDue, setLeadDue] = useState<string | null>(detail.dueDate);
  const [coHandlers, setCoHandlers] = useState<string[]>([]);
  const [coDue, setCoDue] = useState<string | null>(null);
  const [forInformation, setForInformation] = useState<string[]>([]);

  const options = (exclude: readonly string[]) => [
    {
      group: t('incoming.direct.units'),
      items: (units.data ?? [])
        .map((unit) => ({ value: `unit:${unit.id}`, label: unit.name }))
        .filter((option) => !exclude.includes(option.value)),
    },
    {
      group: t('incoming.direct.people'),
      items: (people.data ?? [])
        .map((person) => ({ value: `user:${person.id}`, label: personLabel(person) }))
        .filter((option) => !exclude.includes(option.value)),
    },
  ];

  const submit = () => {
    const fields: FormFeedback<DirectField>['fields'] = {};
    if (direction.trim() === '') fields.direction = 'forms.required';
    if (!lead) fields.lead = 'forms.required';
    if (leadDue && leadDue < today) fields.due = 'incoming.errors.dueDatePast';
    if (coDue && coDue < today) fields.coHandlers = 'incoming.errors.dueDatePast';
    if (Object.keys(fields).length > 0 || !lead) {
      setFeedback({ fields });
      return;
    }
    const body: DirectBody = {
      direction: direction.trim(),
      lead: assigneeOf(lead, leadDue),
      coHandlers: coHandlers.map((value) => assigneeOf(value, coDue)),
      forInformation: forInformation.map((value) => assigneeOf(value, null)),
    };
    run('direct', body);
  };

  const error = (field: DirectField) => {
    const key = feedback?.fields[field];
    return key ? t(key) : undefined;
  };

  return (
    <ActionDialog
      opened={opened}
      onClose={onClose}
      title={t('incoming.actions.direct')}
      submitLabel={t('incoming.direct.submit')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      testId="direct-dialog"
    >
      <Textarea
        label={t('incoming.fields.direction')}
        description={t('incoming.direct.directionHint')}
        required
        autosize
        minRows={3}
        maxLength={4000}
        value={direction}
        onChange={(event) => {
          setDirection(event.currentTarget.value);
        }}
        error={error('direction')}
        data-autofocus
        data-testid="direction-input"
      />
      <Stack gap={4}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('incoming.direct.lead')}
            required
            searchable
            data={options([...coHandlers, ...forInformation])}
            value={lead}
            onChange={setLead}
            error={error('lead')}
            nothingFoundMessage={t('people.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-testid="lead-select"
          />
          <DateField
            label={t('incoming.direct.leadDue')}
            value={leadDue}
            minDate={today}
            onChange={setLeadDue}
            error={error('due')}
          />
        </SimpleGrid>
        {people.isError && (
          <Text size="xs" c="red">
            {t('people.loadFailed')}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MultiSelect
          label={t('incoming.direct.coHandlers')}
          searchable
          data={options([...(lead ? [lead] : []), ...forInformation])}
          value={coHandlers}
          onChange={setCoHandlers}
          error={error('coHandlers')}
          nothingFoundMessage={t('people.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="co-handlers-select"
        />
        <DateField
          label={t('incoming.direct.coDue')}
          value={coDue}
          minDate={today}
          onChange={setCoDue}
          disabled={coHandlers.length === 0}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('incoming.direct.forInformation')}
        searchable
        data={options([...(lead ? [lead] : []), ...coHandlers])}
        value={forInformation}
        onChange={setForInformation}
        error={error('forInformation')}
        nothingFoundMessage={t('people.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        data-testid="for-information-select"
      />
    </ActionDialog>
  );
}
