import { Badge } from '@mantine/core';
import type { RecordSummary } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';

const stateColors = { open: 'blue', closed: 'green', archived: 'gray' } as const;

export function RecordStateBadge({ state }: { state: RecordSummary['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColors[state]} variant="light" data-testid="record-state" data-state={state}>
      {t(`records.states.${state}`)}
    </Badge>
  );
}

/** "Due for archive" (within 30 days) or "archive overdue", for closed records not yet transferred. */
export function ArchiveDueBadge({ record }: { record: RecordSummary }) {
  const { t } = useTranslation();
  if (record.archiveOverdue) {
    return (
      <Badge color="red" variant="light" data-testid="record-archive-due">
        {t('records.archiveOverdue')}
      </Badge>
    );
  }
  if (record.archiveDueSoon) {
    return (
      <Badge color="orange" variant="light" data-testid="record-archive-due">
        {t('records.dueSoon')}
      </Badge>
    );
  }
  return null;
}
