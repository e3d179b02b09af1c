import { FileInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import type { MessageKey } from '../incoming/problems';
import { fileToBase64 } from './download';
import { ImagePreview } from './ImagePreview';
import type { Owner } from './OwnerPicker';
import { OwnerPicker } from './OwnerPicker';
import { readPngInfo } from './png';
import type { PngInfo } from './png';
import { adminFeedback } from './problems';
import type { SignatureImage } from './signatureQueries';
import { useSaveSignatureImage } from './signatureQueries';
import { useFormFeedback } from './useFormFeedback';

const fields = ['owner', 'kind', 'png'] as const;
type Field = (typeof fields)[number];
/** The contract accepts at most 2 000 000 base64 characters (about 1.4 MB of file). */
const maxBytes = 1_500_000;

/** Uploads (replaces) the transparent PNG of a signature or seal, with a preview first. */
export function UploadImageDialog({
  scope,
  onClose,
}: {
  scope: 'own' | 'all';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSignatureImage();
  const kindLabel = useId();
  const { feedback, setFeedback, message, clear } = useFormFeedback<Field>();
  const [owner, setOwner] = useState<Owner | null>(scope === 'own' ? { kind: 'user' } : null);
  const [kind, setKind] = useState<SignatureImage['kind']>('signature');
  const [file, setFile] = useState<File | null>(null);
  const [info, setInfo] = useState<{ png: PngInfo | null; url: string; base64: string } | null>(
    null,
  );

  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    const url = URL.createObjectURL(file);
    void Promise.all([file.arrayBuffer(), fileToBase64(file)]).then(([buffer, base64]) => {
      if (!cancelled) setInfo({ png: readPngInfo(new Uint8Array(buffer)), url, base64 });
    });
    return () => {
      cancelled = true;
      URL.revokeObjectURL(url);
    };
  }, [file]);

  const fileProblem = (): MessageKey | null => {
    if (!file || !info) return 'forms.required';
    if (file.size > maxBytes) return 'admin.images.errors.tooLarge';
    if (!info.png) return 'admin.images.errors.notPng';
    if (!info.png.transparent) return 'admin.images.errors.notTransparent';
    return null;
  };

  const submit = () => {
    const problem = fileProblem();
    if (!owner || problem || !info) {
      setFeedback({
        fields: {
          ...(owner ? {} : { owner: 'forms.required' }),
          ...(problem ? { png: problem } : {}),
        },
      });
      return;
    }
    setFeedback(null);
    save.mutate(
      { owner, kind, png: info.base64 },
      {
        onSuccess: onClose,
        onError: (error) => {
          setFeedback(
            adminFeedback(error, fields, {
              'signing.image_invalid': { field: 'png', message: 'admin.images.errors.invalid' },
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
      title={t('admin.images.uploadTitle')}
      submitLabel={t('admin.images.uploadSubmit')}
      onSubmit={submit}
      pending={save.isPending}
      feedback={feedback}
      error={save.error}
      testId="image-dialog"
    >
      <OwnerPicker
        scope={scope}
        value={owner}
        onChange={(next) => {
          setOwner(next);
          clear('owner');
          if (next) setKind(next.kind === 'agency' ? 'seal' : 'signature');
        }}
        error={message('owner')}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500} id={kindLabel}>
          {t('admin.images.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby={kindLabel}
          value={kind}
          onChange={(value) => {
            setKind(value === 'seal' ? 'seal' : 'signature');
          }}
          data={[
            { value: 'signature', label: t('admin.images.kinds.signature') },
            { value: 'seal', label: t('admin.images.kinds.seal') },
          ]}
        />
      </Stack>
      <FileInput
        label={t('admin.images.file')}
        description={t('admin.images.fileHint')}
        placeholder={t('admin.import.choose')}
        accept="image/png,.png"
        required
        clearable
        leftSection={<IconPhoto size={16} aria-hidden="true" />}
        value={file}
        onChange={(next) => {
          setInfo(null);
          setFile(next);
          clear('png');
        }}
        error={message('png')}
        data-testid="image-file"
      />
      {info?.png && (
        <Stack gap={4}>
          <ImagePreview src={info.url} alt={t('admin.images.previewAlt')} height={120} />
          <Text size="xs" c={info.png.transparent ? 'dimmed' : 'red'}>
            {t('admin.images.size', { width: info.png.width, height: info.png.height })} ·{' '}
            {t(
              info.png.transparent
                ? 'admin.images.transparent'
                : 'admin.images.errors.notTransparent',
            )}
          </Text>
        </Stack>
      )}
    </ActionDialog>
  );
}
