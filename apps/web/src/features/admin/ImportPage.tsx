import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileUpload, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { usePageTitle } from '../../app/usePageTitle';
import { formatFileSize } from '../../i18n/format';
import { useImportDirectory } from './agencyQueries';
import type { ImportFormat } from './importReport';
import { csvTemplate, formatOfFile, importFailure } from './importReport';
import { ImportProblems, ImportSummary } from './ImportResults';

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([csvTemplate], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'agencies-template.csv';
  link.click();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/**
 * `/admin/import`: choose a CSV or JSON file, check it with a dry run (nothing is saved; every bad
 * row is listed), then import it. The API answers in one go, so the bar shows that the server is
 * working, not a percentage.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.import.title'));
  const run = useImportDirectory();
  const [file, setFile] = useState<File | null>(null);
  /** The file's text, read once when it is chosen (so a click sends at once, never twice). */
  const [content, setContent] = useState<string | null>(null);
  const chosen = useRef<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [checked, setChecked] = useState(false);
  const [readError, setReadError] = useState(false);

  const choose = (next: File | null) => {
    setFile(next);
    chosen.current = next;
    setContent(null);
    setChecked(false);
    setReadError(false);
    run.reset();
    const detected = next ? formatOfFile(next.name) : null;
    if (detected) setFormat(detected);
    next?.text().then(
      (text) => {
        if (chosen.current === next) setContent(text);
      },
      () => {
        if (chosen.current === next) setReadError(true);
      },
    );
  };

  const start = (dryRun: boolean) => {
    if (content === null || run.isPending) return;
    run.mutate(
      { format, content, dryRun },
      {
        onSuccess: (report) => {
          setChecked(report.dryRun);
        },
      },
    );
  };

  const failure = run.isError ? importFailure(run.error) : null;
  const dryRunning = run.isPending && run.variables.dryRun;

  return (
    <Stack gap="md" maw={960}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('admin.import.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('admin.import.intro')}
        </Text>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <FileInput
            label={t('admin.import.file')}
            description={t('admin.import.fileHint')}
            placeholder={t('admin.import.choose')}
            accept=".csv,.json,text/csv,application/json"
            leftSection={<IconFileUpload size={16} aria-hidden="true" />}
            value={file}
            onChange={choose}
            clearable
            data-testid="import-file"
          />
          <Group gap="sm" align="center">
            <Text size="sm" fw={500} id="import-format-label">
              {t('admin.import.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-format-label"
              value={format}
              onChange={(value) => {
                setFormat(value === 'json' ? 'json' : 'csv');
                setChecked(false);
              }}
              data={[
                { value: 'csv', label: 'CSV' },
                { value: 'json', label: 'JSON' },
              ]}
            />
            {file && (
              <Text size="xs" c="dimmed">
                {formatFileSize(file.size, i18n.language)}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('admin.import.columnsHint')}{' '}
            <Anchor component="button" type="button" size="xs" onClick={downloadTemplate}>
              <IconDownload size={12} aria-hidden="true" /> {t('admin.import.template')}
            </Anchor>
          </Text>
          <Group gap="sm">
            <Button
              variant="light"
              leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
              disabled={content === null || (run.isPending && !dryRunning)}
              loading={dryRunning}
              onClick={() => {
                start(true);
              }}
              data-testid="import-dry-run"
            >
              {t('admin.import.dryRun')}
            </Button>
            <Button
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              disabled={content === null || !checked || dryRunning}
              loading={run.isPending && !dryRunning}
              onClick={() => {
                start(false);
              }}
              data-testid="import-run"
            >
              {t('admin.import.run')}
            </Button>
          </Group>
          {!checked && file && !run.isPending && (
            <Text size="xs" c="dimmed">
              {t('admin.import.dryRunFirst')}
            </Text>
          )}
        </Stack>
      </Paper>
      {run.isPending && (
        <Stack gap={4} data-testid="import-progress">
          <Progress value={100} animated size="lg" aria-label={t('admin.import.working')} />
          <Text size="sm" c="dimmed" aria-live="polite">
            {t(dryRunning ? 'admin.import.checking' : 'admin.import.importing')}
          </Text>
        </Stack>
      )}
      {readError && (
        <Alert color="red" role="alert">
          {t('admin.import.errors.read')}
        </Alert>
      )}
      {run.isSuccess && <ImportSummary report={run.data} />}
      {failure?.kind === 'rows' && <ImportProblems failure={failure} />}
      {failure && failure.kind !== 'rows' && (
        <Alert color="red" role="alert" data-testid="import-error">
          {failure.kind === 'message' ? t(failure.message) : describeError(t, run.error)}
        </Alert>
      )}
    </Stack>
  );
}
