import { useDocTypeOptions } from '../documents/useDocTypes';
import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { secrecyValues, urgencyValues } from '@vanban/contracts';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PersonSelect } from '../people/PersonSelect';
import type { DraftValues } from './draft';
import type { DraftField } from './problems';

export interface FieldRefs {
  docType: RefObject<HTMLInputElement | null>;
  subject: RefObject<HTMLTextAreaElement | null>;
  signerId: RefObject<HTMLInputElement | null>;
}

/** Type, subject, urgency, secrecy, signer, notation unit and notes of a draft. */
export function MetadataFields({
  values,
  set,
  error,
  refs,
  unitCode,
}: {
  values: DraftValues;
  set: <K extends keyof DraftValues>(key: K, value: DraftValues[K], field?: DraftField) => void;
  error: (field: DraftField) => string | undefined;
  refs: FieldRefs;
  /** The drafter's unit code, the default of the notation unit. */
  unitCode: string | null;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const { types, options: docTypeOptions } = useDocTypeOptions();
  const typeOptions = docTypeOptions;

  return (
    <Stack gap="md">
      <Select
        ref={refs.docType}
        label={t('outgoing.fields.docType')}
        required
        searchable
        data={typeOptions}
        value={values.docType}
        onChange={(value) => {
          set('docType', value, 'docType');
        }}
        error={error('docType')}
        placeholder={types.isPending ? t('app.loading') : undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="doc-type-select"
      />
      <Textarea
        ref={refs.subject}
        label={t('outgoing.fields.subject')}
        description={t('outgoing.draft.subjectHint')}
        required
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        value={values.subject}
        onChange={(event) => {
          set('subject', event.currentTarget.value, 'subject');
        }}
        error={error('subject')}
        data-testid="subject-input"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Select
          label={t('outgoing.fields.urgency')}
          allowDeselect={false}
          data={urgencyValues.map((value) => ({ value, label: t(`incoming.urgency.${value}`) }))}
          value={values.urgency}
          onChange={(value) => {
            const next = urgencyValues.find((item) => item === value);
            if (next) set('urgency', next, 'urgency');
          }}
          error={error('urgency')}
          comboboxProps={{ withinPortal: true }}
          data-testid="urgency-select"
        />
        <Select
          label={t('outgoing.fields.secrecy')}
          allowDeselect={false}
          data={secrecyValues.map((value) => ({ value, label: t(`incoming.secrecy.${value}`) }))}
          value={values.secrecy}
          onChange={(value) => {
            const next = secrecyValues.find((item) => item === value);
            if (next) set('secrecy', next, 'secrecy');
          }}
          error={error('secrecy')}
          comboboxProps={{ withinPortal: true }}
          data-testid="secrecy-select"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <PersonSelect
          ref={refs.signerId}
          label={t('outgoing.fields.signer')}
          description={t('outgoing.draft.signerHint')}
          required
          people={{ agencyId: me.agency.id, roles: ['leader', 'deputy'] }}
          value={values.signerId}
          onChange={(value) => {
            set('signerId', value, 'signerId');
          }}
          error={error('signerId')}
          data-testid="signer-select"
        />
        <TextInput
          label={t('outgoing.fields.notationUnit')}
          description={
            unitCode
              ? t('outgoing.draft.notationUnitHint', { code: unitCode })
              : t('outgoing.draft.notationUnitHintNone')
          }
          placeholder={unitCode ?? undefined}
          maxLength={20}
          value={values.notationUnit}
          onChange={(event) => {
            set('notationUnit', event.currentTarget.value, 'notationUnit');
          }}
          error={error('notationUnit')}
          autoComplete="off"
          spellCheck={false}
          data-testid="notation-unit-input"
        />
      </SimpleGrid>
      <Textarea
        label={t('outgoing.fields.notes')}
        autosize
        minRows={2}
        maxLength={2000}
        value={values.notes}
        onChange={(event) => {
          set('notes', event.currentTarget.value, 'notes');
        }}
        error={error('notes')}
      />
    </Stack>
  );
}
