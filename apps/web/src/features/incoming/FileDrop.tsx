import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Progress,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { errorCodes, uploadExtensions } from '@vanban/contracts';
import {
  IconAlertTriangle,
  IconArrowUp,
  IconFile,
  IconFileTypePdf,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import type { DragEvent } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { formatFileSize } from '../../i18n/format';
import type { MessageKey } from './problems';
import { uploadFile } from './queries';
import type { UploadedFile } from './queries';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** 0…1 */
  progress: number;
  status: 'uploading' | 'done' | 'error';
  file?: UploadedFile;
  error?: MessageKey;
}

const uploadErrorKeys: Partial<Record<string, MessageKey>> = {
  [errorCodes.fileTooLarge]: 'files.errors.tooLarge',
  [errorCodes.payloadTooLarge]: 'files.errors.tooLarge',
  [errorCodes.fileTypeForbidden]: 'files.errors.typeForbidden',
  [errorCodes.fileTypeMismatch]: 'files.errors.typeMismatch',
  [errorCodes.filePdfInvalid]: 'files.errors.pdfInvalid',
  [errorCodes.fileRequired]: 'files.errors.required',
};

function uploadErrorKey(error: unknown): MessageKey {
  if (isApiError(error)) {
    return uploadErrorKeys[error.code] ?? 'files.errors.failed';
  }
  return 'files.errors.failed';
}

let counter = 0;

/** Files being uploaded to `POST /api/files` with their progress; aborted on unmount. */
export function useUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const current = controllers.current;
    return () => {
      for (const controller of current.values()) controller.abort();
    };
  }, []);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        counter += 1;
        const key = `upload-${String(counter)}`;
        const controller = new AbortController();
        controllers.current.set(key, controller);
        setItems((list) => [
          ...list,
          { key, name: file.name, size: file.size, progress: 0, status: 'uploading' },
        ]);
        uploadFile(
          file,
          (progress) => {
            patch(key, { progress });
          },
          controller.signal,
        ).then(
          (uploaded) => {
            controllers.current.delete(key);
            patch(key, { status: 'done', progress: 1, file: uploaded });
          },
          (error: unknown) => {
            controllers.current.delete(key);
            if (error instanceof DOMException && error.name === 'AbortError') return;
            patch(key, { status: 'error', error: uploadErrorKey(error) });
          },
        );
      }
    },
    [patch],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  const moveFirst = useCallback((key: string) => {
    setItems((list) => {
      const item = list.find((entry) => entry.key === key);
      return item ? [item, ...list.filter((entry) => entry.key !== key)] : list;
    });
  }, []);

  const reset = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    controllers.current.clear();
    setItems([]);
  }, []);

  const done = items.filter((item) => item.status === 'done' && item.file);
  return {
    items,
    add,
    remove,
    moveFirst,
    reset,
    uploading: items.some((item) => item.status === 'uploading'),
    files: done.map((item) => item.file).filter((file): file is UploadedFile => !!file),
    fileIds: done.map((item) => item.file?.id).filter((id): id is string => !!id),
  };
}

export type Uploads = ReturnType<typeof useUploads>;

const accept = uploadExtensions.map((extension) => `.${extension}`).join(',');

/**
 * Drop zone and file picker. The real `<input type="file">` is kept for assistive technology and
 * tests; sighted keyboard users press the button. Dropped files upload at once with progress.
 */
export function FileDrop({
  uploads,
  label,
  description,
  mainFirst = false,
  error,
}: {
  uploads: Uploads;
  label: string;
  description?: string;
  /** Marks the first file as the main document and lets the user choose another. */
  mainFirst?: boolean;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const id = useId();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) uploads.add(files);
  };

  return (
    <Stack gap={6}>
      <Text component="label" htmlFor={id} size="sm" fw={500}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" id={`${id}-description`}>
          {description}
        </Text>
      )}
      <Box
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
        p="md"
        style={{
          border: `2px dashed var(--mantine-color-${error ? 'red-6' : dragging ? 'blue-6' : 'gray-4'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          transition: 'background 120ms ease',
        }}
        data-testid="file-drop"
      >
        <Stack align="center" gap={6} ta="center">
          <IconUpload
            size={28}
            stroke={1.5}
            aria-hidden="true"
            color="var(--mantine-color-gray-6)"
          />
          <Text size="sm" c="dimmed">
            {t('files.dropHint')}
          </Text>
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              inputRef.current?.click();
            }}
          >
            {t('files.choose')}
          </Button>
          <input
            ref={inputRef}
            id={id}
            type="file"
            multiple
            accept={accept}
            aria-describedby={description ? `${id}-description` : undefined}
            data-testid="file-input"
            style={{
              position: 'absolute',
              width: 1,
              height: 1,
              opacity: 0,
              overflow: 'hidden',
              pointerEvents: 'none',
            }}
            tabIndex={-1}
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              if (files.length > 0) uploads.add(files);
              event.currentTarget.value = '';
            }}
          />
        </Stack>
      </Box>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {uploads.items.length > 0 && (
        <Stack gap={6} aria-live="polite" data-testid="upload-list">
          {uploads.items.map((item, index) => (
            <Group
              key={item.key}
              gap="sm"
              wrap="nowrap"
              p={6}
              style={{
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-sm)',
              }}
              data-testid="upload-item"
              data-status={item.status}
            >
              <ThemeIcon
                variant="light"
                color={item.status === 'error' ? 'red' : 'blue'}
                size={32}
                aria-hidden="true"
              >
                {item.status === 'error' ? (
                  <IconAlertTriangle size={18} />
                ) : item.name.toLowerCase().endsWith('.pdf') ? (
                  <IconFileTypePdf size={18} />
                ) : (
                  <IconFile size={18} />
                )}
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" truncate="end" title={item.name}>
                    {item.name}
                  </Text>
                  {mainFirst && index === 0 && item.status !== 'error' && (
                    <Badge
                      size="xs"
                      variant="light"
                      style={{ flexShrink: 0, textTransform: 'none' }}
                    >
                      {t('files.main')}
                    </Badge>
                  )}
                </Group>
                {item.status === 'uploading' ? (
                  <Progress
                    value={Math.round(item.progress * 100)}
                    size="sm"
                    aria-label={t('files.uploading', { name: item.name })}
                    animated
                  />
                ) : item.status === 'error' ? (
                  <Text size="xs" c="red">
                    {item.error ? t(item.error) : t('files.errors.failed')}
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    {formatFileSize(item.size, i18n.language)}
                    {item.file?.pageCount
                      ? ` · ${t('files.pages', { count: item.file.pageCount })}`
                      : ''}
                  </Text>
                )}
              </Stack>
              {mainFirst && index > 0 && item.status === 'done' && (
                <ActionIcon
                  variant="subtle"
                  aria-label={t('files.makeMain', { name: item.name })}
                  title={t('files.makeMain', { name: item.name })}
                  onClick={() => {
                    uploads.moveFirst(item.key);
                  }}
                >
                  <IconArrowUp size={16} aria-hidden="true" />
                </ActionIcon>
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('files.remove', { name: item.name })}
                title={t('files.remove', { name: item.name })}
                onClick={() => {
                  uploads.remove(item.key);
                }}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
