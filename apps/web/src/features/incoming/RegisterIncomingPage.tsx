import { useDocTypeOptions } from '../documents/useDocTypes';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { secrecyValues, urgencyValues } from '@vanban/contracts';
import type { RegisterIncomingBody, Secrecy, Urgency } from '@vanban/contracts';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { SubmitEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { DateField } from '../../components/DateField';
import { formatIsoDate, toIsoDate } from '../../i18n/format';
import { PersonSelect } from '../people/PersonSelect';
import { FileDrop, useUploads } from './FileDrop';
import { formatNumber } from './model';
import { referenceProblemKey, registerFeedback } from './problems';
import type { FormFeedback, RegisterField } from './problems';
import { useRegisterIncoming } from './queries';
import { checkReference, suggestDocType } from './reference';
import { SenderPicker } from './SenderPicker';
import type { SenderValue } from './SenderPicker';

type DueMode = 'none' | 'date' | 'workingDays';

const noFeedback: FormFeedback<RegisterField> = { fields: {} };

export function RegisterIncomingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  usePageTitle(t('incoming.register.title'));
  const { types, options: docTypeOptions } = useDocTypeOptions();
  const register = useRegisterIncoming();
  const uploads = useUploads();

  const [sender, setSender] = useState<SenderValue>({ text: '', agency: null });
  const [reference, setReference] = useState('');
  const [referenceTouched, setReferenceTouched] = useState(false);
  const [issueDate, setIssueDate] = useState<string | null>(null);
  const [docType, setDocType] = useState<string | null>(null);
  const [docTypeChosen, setDocTypeChosen] = useState(false);
  const [subject, setSubject] = useState('');
  const [signerName, setSignerName] = useState('');
  const [signerPosition, setSignerPosition] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [secrecy, setSecrecy] = useState<Secrecy>('normal');
  const [pageCount, setPageCount] = useState<number | string>('');
  const [pageCountChosen, setPageCountChosen] = useState(false);
  const [dueMode, setDueMode] = useState<DueMode>('none');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [dueDays, setDueDays] = useState<number | string>(7);
  const [notes, setNotes] = useState('');
  const [submitNow, setSubmitNow] = useState(false);
  const [submitTo, setSubmitTo] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<FormFeedback<RegisterField>>(noFeedback);

  const refs = {
    sender: useRef<HTMLInputElement>(null),
    reference: useRef<HTMLInputElement>(null),
    issueDate: useRef<HTMLInputElement>(null),
    docType: useRef<HTMLInputElement>(null),
    subject: useRef<HTMLTextAreaElement>(null),
    due: useRef<HTMLInputElement>(null),
    submitTo: useRef<HTMLInputElement>(null),
  };
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);

  const today = toIsoDate(new Date());
  const check = checkReference(reference);

  // The notation suggests the type (QĐ → Quyết định) until the clerk picks one.
  useEffect(() => {
    if (docTypeChosen || !types.data) return;
    const suggested = suggestDocType(types.data, check);
    if (suggested) setDocType(suggested.code);
  }, [reference, types.data, docTypeChosen]);

  // The main file's page count is a good default for the number of pages.
  const mainPages = uploads.files[0]?.pageCount ?? null;
  useEffect(() => {
    if (!pageCountChosen && mainPages !== null) setPageCount(mainPages);
  }, [mainPages, pageCountChosen]);

  /** A field's message goes away as soon as the clerk changes it. */
  const clear = (field: RegisterField) => {
    if (feedback.fields[field]) {
      setFeedback((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
    }
  };

  const fieldError = (field: RegisterField): string | undefined => {
    const key = feedback.fields[field];
    return key ? t(key) : undefined;
  };

  const referenceError =
    fieldError('reference') ??
    (referenceTouched && check.state === 'invalid'
      ? t(referenceProblemKey(check.problem))
      : undefined);

  /** Client-side checks with the same rules as the contract; the server checks again. */
  const validate = (): FormFeedback<RegisterField> => {
    const fields: FormFeedback<RegisterField>['fields'] = {};
    if (sender.text.trim() === '') fields.sender = 'forms.required';
    if (check.state === 'empty') fields.reference = 'forms.required';
    else if (check.state === 'invalid') fields.reference = referenceProblemKey(check.problem);
    if (!issueDate) fields.issueDate = 'forms.required';
    else if (issueDate > today) fields.issueDate = 'incoming.errors.issueDateFuture';
    if (!docType) fields.docType = 'forms.required';
    if (subject.trim() === '') fields.subject = 'forms.required';
    if (dueMode === 'date') {
      if (!dueDate) fields.due = 'forms.required';
      else if (dueDate < today) fields.due = 'incoming.errors.dueDatePast';
    }
    if (dueMode === 'workingDays') {
      const days = Number(dueDays);
      if (!Number.isInteger(days) || days < 1 || days > 365)
        fields.due = 'incoming.register.dueDaysRange';
    }
    if (submitNow && !submitTo) fields.submitTo = 'forms.required';
    return { fields };
  };

  const focusFirst = (result: FormFeedback<RegisterField>) => {
    requestAnimationFrame(() => {
      if (result.duplicates) {
        duplicatesRef.current?.focus();
        return;
      }
      const order = [
        'sender',
        'reference',
        'issueDate',
        'docType',
        'subject',
        'due',
        'submitTo',
      ] as const;
      const field = order.find((f) => result.fields[f]);
      if (field) refs[field].current?.focus();
      else if (result.form) formErrorRef.current?.focus();
    });
  };

  const send = (confirmDuplicate: boolean) => {
    const local = validate();
    if (Object.keys(local.fields).length > 0) {
      setFeedback(local);
      focusFirst(local);
      return;
    }
    if (uploads.uploading || register.isPending || !issueDate || !docType) return;
    const body: RegisterIncomingBody = {
      sender: sender.agency ? { agencyCode: sender.agency.code } : { name: sender.text.trim() },
      reference: reference.trim(),
      issueDate,
      docType,
      subject: subject.trim(),
      urgency,
      secrecy,
      fileIds: uploads.fileIds,
      confirmDuplicate,
      ...(signerName.trim() ? { signerName: signerName.trim() } : {}),
      ...(signerPosition.trim() ? { signerPosition: signerPosition.trim() } : {}),
      ...(typeof pageCount === 'number' && pageCount > 0 ? { pageCount } : {}),
      ...(dueMode === 'date' && dueDate ? { due: { date: dueDate } } : {}),
      ...(dueMode === 'workingDays' ? { due: { workingDays: Number(dueDays) } } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(submitNow && submitTo ? { submitTo: { userId: submitTo } } : {}),
    };
    setFeedback(noFeedback);
    register.mutate(body, {
      onSuccess: (detail) => {
        void navigate(`/incoming/${detail.id}`, { state: { registered: true } });
      },
      onError: (error) => {
        const result = registerFeedback(error);
        setFeedback(result);
        focusFirst(result);
      },
    });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(false);
  };

  const typeOptions = docTypeOptions;

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={2}>
        <Anchor component={Link} to="/incoming" size="sm">
          {t('nav.incoming')}
        </Anchor>
        <Title order={1} fz="h2">
          {t('incoming.register.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('incoming.register.intro')}
        </Text>
      </Stack>

      <form onSubmit={onSubmit} noValidate aria-label={t('incoming.register.title')}>
        <Stack gap="lg">
          {feedback.form && (
            <Alert
              ref={formErrorRef}
              tabIndex={-1}
              color="red"
              variant="light"
              icon={<IconAlertCircle size={18} />}
              role="alert"
            >
              {feedback.form === 'generic' ? describeError(t, register.error) : t(feedback.form)}
            </Alert>
          )}

          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} fz="h4">
                {t('incoming.register.filesSection')}
              </Title>
              <FileDrop
                uploads={uploads}
                label={t('incoming.register.files')}
                description={t('incoming.register.filesHint')}
                mainFirst
                error={fieldError('files')}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} fz="h4">
                {t('incoming.register.metadataSection')}
              </Title>
              <SenderPicker
                value={sender}
                onChange={(next) => {
                  setSender(next);
                  clear('sender');
                }}
                error={fieldError('sender')}
                inputRef={refs.sender}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  ref={refs.reference}
                  label={t('incoming.fields.reference')}
                  description={t('incoming.register.referenceHint')}
                  placeholder={t('incoming.register.referencePlaceholder')}
                  required
                  value={reference}
                  onChange={(event) => {
                    setReference(event.currentTarget.value);
                    clear('reference');
                  }}
                  onBlur={() => {
                    setReferenceTouched(true);
                  }}
                  error={referenceError}
                  autoComplete="off"
                  spellCheck={false}
                  rightSection={
                    check.state === 'valid' ? (
                      <IconCircleCheck
                        size={18}
                        color="var(--mantine-color-green-7)"
                        aria-hidden="true"
                      />
                    ) : undefined
                  }
                  data-testid="reference-input"
                  data-valid={check.state === 'valid' || undefined}
                />
                <DateField
                  ref={refs.issueDate}
                  label={t('incoming.fields.issueDate')}
                  required
                  value={issueDate}
                  maxDate={today}
                  onChange={(next) => {
                    setIssueDate(next);
                    clear('issueDate');
                  }}
                  error={fieldError('issueDate')}
                  data-testid="issue-date-input"
                />
              </SimpleGrid>
              {check.state === 'valid' && (
                <Text
                  size="xs"
                  c="green.8"
                  aria-live="polite"
                  data-testid="reference-parsed"
                  mt={-8}
                >
                  {check.year === undefined
                    ? t('incoming.register.referenceParsed', {
                        number: formatNumber(check.number),
                        notation: check.notation,
                      })
                    : t('incoming.register.referenceParsedYear', {
                        number: formatNumber(check.number),
                        year: check.year,
                        notation: check.notation,
                      })}
                </Text>
              )}
              <Select
                ref={refs.docType}
                label={t('incoming.fields.docType')}
                required
                searchable
                data={typeOptions}
                value={docType}
                onChange={(value) => {
                  setDocType(value);
                  setDocTypeChosen(true);
                  clear('docType');
                }}
                error={fieldError('docType')}
                placeholder={types.isPending ? t('app.loading') : undefined}
                comboboxProps={{ withinPortal: true }}
                data-testid="doc-type-select"
              />
              <Textarea
                ref={refs.subject}
                label={t('incoming.fields.subject')}
                required
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2000}
                value={subject}
                onChange={(event) => {
                  setSubject(event.currentTarget.value);
                  clear('subject');
                }}
                error={fieldError('subject')}
                data-testid="subject-input"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={t('incoming.fields.signerName')}
                  value={signerName}
                  maxLength={100}
                  onChange={(event) => {
                    setSignerName(event.currentTarget.value);
                  }}
                  error={fieldError('signerName')}
                />
                <TextInput
                  label={t('incoming.fields.signerPosition')}
                  value={signerPosition}
                  maxLength={100}
                  onChange={(event) => {
                    setSignerPosition(event.currentTarget.value);
                  }}
                  error={fieldError('signerPosition')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
                <Select
                  label={t('incoming.fields.urgency')}
                  allowDeselect={false}
                  data={urgencyValues.map((value) => ({
                    value,
                    label: t(`incoming.urgency.${value}`),
                  }))}
                  value={urgency}
                  onChange={(value) => {
                    setUrgency(urgencyValues.find((u) => u === value) ?? 'normal');
                  }}
                  data-testid="urgency-select"
                />
                <Select
                  label={t('incoming.fields.secrecy')}
                  allowDeselect={false}
                  data={secrecyValues.map((value) => ({
                    value,
                    label: t(`incoming.secrecy.${value}`),
                  }))}
                  value={secrecy}
                  onChange={(value) => {
                    setSecrecy(secrecyValues.find((s) => s === value) ?? 'normal');
                  }}
                />
                <NumberInput
                  label={t('incoming.fields.pageCount')}
                  min={1}
                  max={100000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={pageCount}
                  onChange={(value) => {
                    setPageCount(value);
                    setPageCountChosen(true);
                  }}
                  error={fieldError('pageCount')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} fz="h4">
                {t('incoming.register.handlingSection')}
              </Title>
              <Radio.Group
                label={t('incoming.fields.dueDate')}
                value={dueMode}
                onChange={(value) => {
                  setDueMode(value === 'date' || value === 'workingDays' ? value : 'none');
                }}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="none" label={t('incoming.register.dueNone')} />
                  <Radio value="date" label={t('incoming.register.dueDate')} />
                  <Radio value="workingDays" label={t('incoming.register.dueWorkingDays')} />
                </Group>
              </Radio.Group>
              {dueMode === 'date' && (
                <DateField
                  ref={refs.due}
                  label={t('incoming.register.dueDateLabel')}
                  required
                  value={dueDate}
                  minDate={today}
                  onChange={(next) => {
                    setDueDate(next);
                    clear('due');
                  }}
                  error={fieldError('due')}
                  maw={320}
                />
              )}
              {dueMode === 'workingDays' && (
                <NumberInput
                  ref={refs.due}
                  label={t('incoming.register.dueDaysLabel')}
                  description={t('incoming.register.dueDaysHint')}
                  required
                  min={1}
                  max={365}
                  allowDecimal={false}
                  allowNegative={false}
                  value={dueDays}
                  onChange={(next) => {
                    setDueDays(next);
                    clear('due');
                  }}
                  error={fieldError('due')}
                  maw={320}
                />
              )}
              <Textarea
                label={t('incoming.fields.notes')}
                autosize
                minRows={2}
                maxLength={2000}
                value={notes}
                onChange={(event) => {
                  setNotes(event.currentTarget.value);
                }}
                error={fieldError('notes')}
              />
              <Checkbox
                label={t('incoming.register.submitNow')}
                description={t('incoming.register.submitNowHint')}
                checked={submitNow}
                onChange={(event) => {
                  setSubmitNow(event.currentTarget.checked);
                }}
                data-testid="submit-now"
              />
              {submitNow && (
                <PersonSelect
                  ref={refs.submitTo}
                  label={t('incoming.actions.submitTo')}
                  required
                  people={{ agencyId: me.agency.id, roles: ['leader', 'deputy'] }}
                  value={submitTo}
                  onChange={(next) => {
                    setSubmitTo(next);
                    clear('submitTo');
                  }}
                  error={fieldError('submitTo')}
                  maw={480}
                  data-testid="submit-to-select"
                />
              )}
            </Stack>
          </Paper>

          {feedback.duplicates && (
            <Alert
              ref={duplicatesRef}
              tabIndex={-1}
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('incoming.register.duplicateTitle')}
              role="alert"
              data-testid="duplicate-warning"
            >
              <Stack gap="xs">
                <Text size="sm">{t('incoming.register.duplicateText')}</Text>
                <List size="sm">
                  {feedback.duplicates.map((duplicate) => (
                    <List.Item key={duplicate.id}>
                      <Anchor component={Link} to={`/incoming/${duplicate.id}`} target="_blank">
                        {duplicate.arrivalNumber !== null
                          ? t('incoming.register.duplicateItem', {
                              reference: duplicate.reference,
                              number: formatNumber(duplicate.arrivalNumber),
                            })
                          : duplicate.reference}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
                <Group gap="sm">
                  <Button
                    color="orange"
                    onClick={() => {
                      send(true);
                    }}
                    loading={register.isPending}
                    data-testid="confirm-duplicate"
                  >
                    {t('incoming.register.confirmDuplicate')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => {
                      setFeedback(noFeedback);
                    }}
                  >
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}

          <Group justify="flex-end" gap="sm">
            <Button component={Link} to="/incoming" variant="default">
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={register.isPending}
              disabled={uploads.uploading}
              data-testid="register-submit"
            >
              {uploads.uploading ? t('files.waitForUploads') : t('incoming.register.submit')}
            </Button>
          </Group>
          {issueDate && (
            <Text size="xs" c="dimmed" ta="right">
              {t('incoming.register.arrivalToday', { date: formatIsoDate(today) })}
            </Text>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
