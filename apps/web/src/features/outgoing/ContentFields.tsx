import { SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDrop } from '../incoming/FileDrop';
import type { Uploads } from '../incoming/FileDrop';
import type { ContentMode } from './draft';

/**
 * The document itself: uploaded files (the first, a PDF, is the main document to be signed), or
 * text the server lays out as a Decree 30 document (files uploaded then are its attachments).
 */
export function ContentFields({
  mode,
  onMode,
  uploads,
  body,
  onBody,
  authority,
  onAuthority,
  filesError,
  composeError,
  bodyRef,
  attachments = true,
}: {
  mode: ContentMode;
  onMode: (mode: ContentMode) => void;
  uploads: Uploads;
  body: string;
  onBody: (body: string) => void;
  authority: string;
  onAuthority: (authority: string) => void;
  filesError?: string | undefined;
  composeError?: string | undefined;
  bodyRef?: Ref<HTMLTextAreaElement>;
  /** Whether composed text may carry uploaded attachments (a new version may not). */
  attachments?: boolean;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={labelId}>
          {t('outgoing.draft.mode')}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          value={mode}
          onChange={(value) => {
            onMode(value === 'compose' ? 'compose' : 'upload');
          }}
          data={[
            { value: 'upload', label: t('outgoing.draft.modes.upload') },
            { value: 'compose', label: t('outgoing.draft.modes.compose') },
          ]}
          fullWidth
          maw={420}
          data-testid="content-mode"
        />
      </Stack>
      {mode === 'compose' && (
        <>
          <Textarea
            ref={bodyRef}
            label={t('outgoing.compose.body')}
            description={t('outgoing.compose.bodyHint')}
            required
            autosize
            minRows={6}
            maxRows={20}
            value={body}
            onChange={(event) => {
              onBody(event.currentTarget.value);
            }}
            error={composeError}
            data-testid="compose-body"
          />
          <TextInput
            label={t('outgoing.compose.authority')}
            description={t('outgoing.compose.authorityHint')}
            placeholder={t('outgoing.compose.authorityPlaceholder')}
            maxLength={100}
            value={authority}
            onChange={(event) => {
              onAuthority(event.currentTarget.value);
            }}
            data-testid="compose-authority"
            maw={480}
          />
        </>
      )}
      {(mode === 'upload' || attachments) && (
        <FileDrop
          uploads={uploads}
          label={mode === 'upload' ? t('outgoing.draft.files') : t('outgoing.draft.attachments')}
          description={
            mode === 'upload' ? t('outgoing.draft.filesHint') : t('outgoing.draft.attachmentsHint')
          }
          mainFirst={mode === 'upload'}
          error={filesError}
        />
      )}
    </Stack>
  );
}
