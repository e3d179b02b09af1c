import { Text, Textarea } from '@mantine/core';
import { errorCodes } from '@vanban/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../incoming/ActionDialog';
import { useUploads } from '../incoming/FileDrop';
import { ContentFields } from './ContentFields';
import { useOutgoingDialogAction } from './dialogAction';
import type { ContentMode } from './draft';
import { composeParagraphs } from './recipients';
import type { DialogProps } from './SimpleDialogs';

type Field = 'fileIds' | 'compose' | 'note';

/** A new version of the draft's files (main PDF first) or of its composed text; older ones stay. */
export function NewVersionDialog({ detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const uploads = useUploads();
  const { action, feedback, setFeedback, run } = useOutgoingDialogAction<Field>(
    detail.id,
    onClose,
    ['fileIds', 'compose', 'note'],
    {
      [errorCodes.outgoingMainFileNotPdf]: 'fileIds',
      [errorCodes.outgoingMainFileRequired]: 'fileIds',
      [errorCodes.filePdfInvalid]: 'fileIds',
      [errorCodes.fileNotFound]: 'fileIds',
    },
  );
  const [mode, setMode] = useState<ContentMode>('upload');
  const [body, setBody] = useState('');
  const [authority, setAuthority] = useState('');
  const [note, setNote] = useState('');
  const message = (field: Field) => {
    const key = feedback?.fields[field];
    return key ? t(key) : undefined;
  };

  const submit = () => {
    const text = note.trim();
    const noteBody = text ? { note: text } : {};
    if (mode === 'compose') {
      const paragraphs = composeParagraphs(body);
      if (paragraphs.length === 0) {
        setFeedback({ fields: { compose: 'forms.required' } });
        return;
      }
      const by = authority.trim();
      run('versions', {
        compose: { body: paragraphs, ...(by ? { authority: by } : {}) },
        ...noteBody,
      });
      return;
    }
    const first = uploads.files[0];
    if (!first) {
      setFeedback({ fields: { fileIds: 'outgoing.draft.mainRequired' } });
      return;
    }
    if (first.mediaType !== 'application/pdf') {
      setFeedback({ fields: { fileIds: 'outgoing.errors.mainNotPdf' } });
      return;
    }
    run('versions', { fileIds: uploads.fileIds, ...noteBody });
  };

  return (
    <ActionDialog
      opened
      onClose={onClose}
      title={t('outgoing.newVersion.title')}
      submitLabel={t('outgoing.newVersion.confirm')}
      onSubmit={submit}
      pending={action.isPending}
      feedback={feedback}
      error={action.error}
      disabled={uploads.uploading}
      testId="new-version-dialog"
    >
      <Text size="sm">{t('outgoing.newVersion.intro')}</Text>
      <ContentFields
        mode={mode}
        onMode={(next) => {
          setMode(next);
          setFeedback(null);
        }}
        uploads={uploads}
        body={body}
        onBody={setBody}
        authority={authority}
        onAuthority={setAuthority}
        filesError={message('fileIds')}
        composeError={message('compose')}
        attachments={false}
      />
      <Textarea
        label={t('outgoing.newVersion.note')}
        description={t('outgoing.newVersion.noteHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
        error={message('note')}
        data-testid="version-note"
      />
    </ActionDialog>
  );
}
