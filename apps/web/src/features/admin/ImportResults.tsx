import { Alert, Code, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from './agencyQueries';
import type { ImportFailure, ImportRowError } from './importReport';
import { columnKey, rowProblemKey } from './importReport';

const counts = ['created', 'newVersions', 'updated', 'unchanged', 'successionsAdded'] as const;

/** The counts of a dry run or an import. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={report.dryRun ? 'blue' : 'green'}
      variant="light"
      icon={<IconCircleCheck size={18} />}
      title={t(report.dryRun ? 'admin.import.dryRunOk' : 'admin.import.done', {
        count: report.rows,
      })}
      data-testid={report.dryRun ? 'import-dry-run-ok' : 'import-done'}
    >
      <List size="sm" spacing={2}>
        {counts.map((key) => (
          <List.Item key={key} data-testid={`import-count-${key}`}>
            {t(`admin.import.counts.${key}`, { count: report[key] })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Column({ problem }: { problem: ImportRowError }) {
  const { t } = useTranslation();
  const column = columnKey(problem.field);
  if (column) return t(column);
  return problem.field ? <Code>{problem.field}</Code> : '—';
}

function Detail({ problem }: { problem: ImportRowError }) {
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} lang="en">
      {problem.message}
    </Text>
  );
}

const rowKey = (problem: ImportRowError, index: number) =>
  `${String(problem.row)}-${problem.field ?? ''}-${String(index)}`;

/** Wide screens: row, column, problem and the server's detail side by side. */
function ProblemTable({ rows }: { rows: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder verticalSpacing="xs" data-testid="import-problem-table">
      <Table.Caption>{t('admin.import.rowHint')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.import.row')}</Table.Th>
          <Table.Th>{t('admin.import.column')}</Table.Th>
          <Table.Th>{t('admin.import.problem')}</Table.Th>
          <Table.Th>{t('admin.import.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((problem, index) => (
          <Table.Tr
            key={rowKey(problem, index)}
            data-testid="import-problem"
            data-row={problem.row}
          >
            <Table.Td>{problem.row}</Table.Td>
            <Table.Td>
              <Column problem={problem} />
            </Table.Td>
            <Table.Td>{t(rowProblemKey(problem))}</Table.Td>
            <Table.Td>
              <Detail problem={problem} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Phones: one small card per problem. */
function ProblemCards({ rows }: { rows: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="import-problem-table">
      {rows.map((problem, index) => (
        <Paper
          key={rowKey(problem, index)}
          withBorder
          p="xs"
          data-testid="import-problem"
          data-row={problem.row}
        >
          <Text size="sm" fw={600}>
            {t('admin.import.row')} {problem.row} · <Column problem={problem} />
          </Text>
          <Text size="sm">{t(rowProblemKey(problem))}</Text>
          <Detail problem={problem} />
        </Paper>
      ))}
      <Text size="xs" c="dimmed">
        {t('admin.import.rowHint')}
      </Text>
    </Stack>
  );
}

/** The per-row report of a refused file: row, column, what is wrong, and the server's detail. */
export function ImportProblems({ failure }: { failure: Extract<ImportFailure, { kind: 'rows' }> }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const rowCount = new Set(failure.rows.map((problem) => problem.row)).size;
  return (
    <Stack gap="sm" data-testid="import-problems">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle size={18} />}
        title={t('admin.import.refused')}
        role="alert"
      >
        <Text size="sm">
          {failure.rows.length > 0
            ? t('admin.import.refusedRows', { count: rowCount })
            : t('admin.import.refusedFile')}
        </Text>
        {failure.fileProblems.map((problem) => (
          <Text key={problem} size="xs" c="dimmed" mt={4} lang="en">
            {problem}
          </Text>
        ))}
      </Alert>
      {failure.rows.length > 0 &&
        (wide ? <ProblemTable rows={failure.rows} /> : <ProblemCards rows={failure.rows} />)}
    </Stack>
  );
}
