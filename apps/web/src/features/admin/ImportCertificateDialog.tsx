import { FileInput, PasswordInput } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { IconCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import { fileToBase64 } from './download';
import type { Owner } from './OwnerPicker';
import { OwnerPicker } from './OwnerPicker';
import { adminFeedback } from './problems';
import { useImportCertificate } from './signatureQueries';
import { useFormFeedback } from './useFormFeedback';

const fields = ['owner', 'pkcs12', 'password'] as const;
type Field = (typeof fields)[number];

/** The contract accepts at most 200 000 base64 characters (about 146 KB of file). */
const maxBytes = Math.floor((200_000 / 4) * 3);

/** Imports a .p12/.pfx with its password for a person or an agency. */
export function ImportCertificateDialog({
  scope,
  onClose,
}: {
  scope: 'own' | 'all';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const upload = useImportCertificate();
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();
  const [owner, setOwner] = useState<Owner | null>(scope === 'own' ? { kind: 'user' } : null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [reading, setReading] = useState(false);

  const submit = async () => {
    if (reading || upload.isPending) return;
    const local: Partial<Record<Field, 'forms.required' | 'admin.certificates.errors.tooLarge'>> =
      {};
    if (!owner) local.owner = 'forms.required';
    if (!file) local.pkcs12 = 'forms.required';
    else if (file.size > maxBytes) local.pkcs12 = 'admin.certificates.errors.tooLarge';
    if (!owner || !file || Object.keys(local).length > 0) {
      setFeedback({ fields: local });
      return;
    }
    setFeedback(null);
    setReading(true);
    const pkcs12 = await fileToBase64(file).finally(() => {
      setReading(false);
    });
    upload.mutate(
      { owner, pkcs12, password },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(
            adminFeedback(error, fields, {
              [errorCodes.signingPkcs12Invalid]: {
                field: 'password',
                message: 'admin.certificates.errors.pkcs12Invalid',
              },
              [errorCodes.signingCertificateExpired]: {
                field: 'pkcs12',
                message: 'admin.certificates.errors.expired',
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
      title={t('admin.certificates.importTitle')}
      submitLabel={t('admin.certificates.importSubmit')}
      onSubmit={() => void submit()}
      pending={reading || upload.isPending}
      feedback={feedback}
      error={upload.error}
      testId="certificate-dialog"
    >
      <OwnerPicker
        scope={scope}
        value={owner}
        onChange={(next) => {
          setOwner(next);
          clear('owner');
        }}
        error={message('owner')}
      />
      <FileInput
        label={t('admin.certificates.file')}
        description={t('admin.certificates.fileHint')}
        placeholder={t('admin.import.choose')}
        accept=".p12,.pfx,application/x-pkcs12"
        required
        clearable
        leftSection={<IconCertificate size={16} aria-hidden="true" />}
        value={file}
        onChange={(next) => {
          setFile(next);
          clear('pkcs12');
        }}
        error={message('pkcs12')}
        data-testid="certificate-file"
      />
      <PasswordInput
        label={t('admin.certificates.password')}
        description={t('admin.certificates.passwordHint')}
        autoComplete="off"
        value={password}
        onChange={(event) => {
          setPassword(event.currentTarget.value);
          clear('password');
        }}
        error={message('password')}
        data-testid="certificate-password"
      />
    </ActionDialog>
  );
}
