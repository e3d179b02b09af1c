import { useDocTypeName } from '../documents/useDocTypes';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { IncomingDetail } from '@vanban/contracts';
import {
  IconCircleCheck,
  IconDownload,
  IconExternalLink,
  IconFile,
  IconFileTypePdf,
  IconHistory,
  IconMessage,
  IconPoint,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode, SubmitEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize, formatIsoDate, formatIsoDateTime } from '../../i18n/format';
import { assigneeName, assignmentTree } from './assignments';
import type { AssignmentNode } from './assignments';
import { DueDate } from './Badges';
import { FileSignatureBadge } from './FileSignatureBadge';
import { incomingErrorMessage } from './messages';
import { formatNumber } from './model';
import type { HistoryEvent } from './queries';
import { fileContentUrl, useIncomingAction, useIncomingHistory } from './queries';

export function Section({
  title,
  icon,
  children,
  testId,
  right,
}: {
  title: string;
  icon: ReactNode;
  children: ReactNode;
  testId?: string;
  right?: ReactNode;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      data-testid={testId}
      component="section"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap={8} wrap="nowrap">
          <Box c="blue.7" aria-hidden="true" style={{ display: 'flex' }}>
            {icon}
          </Box>
          <Title order={2} fz="h5">
            {title}
          </Title>
        </Group>
        {right}
      </Group>
      {children}
    </Paper>
  );
}

// --- Metadata ---------------------------------------------------------------------------------

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box
      component="div"
      style={{ display: 'grid', gridTemplateColumns: 'minmax(110px, 38%) 1fr', gap: 8 }}
      py={4}
    >
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        component="dd"
        size="sm"
        m={0}
        style={{ overflowWrap: 'anywhere' }}
        data-testid={testId}
      >
        {children}
      </Text>
    </Box>
  );
}

export function MetadataSection({ detail }: { detail: IncomingDetail }) {
  const { t } = useTranslation();
  const docTypeName = useDocTypeName();
  const signer = [detail.signerName, detail.signerPosition].filter(Boolean).join(' — ');
  return (
    <Section title={t('incoming.detail.metadata')} icon={<IconFile size={18} />} testId="metadata">
      <Box component="dl" m={0}>
        <Row label={t('incoming.fields.arrivalNumber')} testId="meta-arrival-number">
          {detail.arrivalNumber !== null
            ? `${formatNumber(detail.arrivalNumber)}${detail.arrivalDate ? ` · ${formatIsoDate(detail.arrivalDate)}` : ''}`
            : t('incoming.detail.notRegistered')}
        </Row>
        {detail.registerName && (
          <Row label={t('incoming.fields.register')}>{detail.registerName}</Row>
        )}
        <Row label={t('incoming.fields.reference')} testId="meta-reference">
          {detail.reference}
        </Row>
        <Row label={t('incoming.fields.issueDate')}>{formatIsoDate(detail.issueDate)}</Row>
        <Row label={t('incoming.fields.sender')}>
          {detail.senderName}
          {detail.senderAgency && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({detail.senderAgency.code})
            </Text>
          )}
        </Row>
        <Row label={t('incoming.fields.docType')}>
          {docTypeName(detail.docType, detail.docTypeName)}
        </Row>
        {signer && <Row label={t('incoming.fields.signer')}>{signer}</Row>}
        <Row label={t('incoming.fields.urgency')}>{t(`incoming.urgency.${detail.urgency}`)}</Row>
        <Row label={t('incoming.fields.secrecy')}>{t(`incoming.secrecy.${detail.secrecy}`)}</Row>
        {detail.pageCount !== null && (
          <Row label={t('incoming.fields.pageCount')}>{detail.pageCount}</Row>
        )}
        <Row label={t('incoming.fields.dueDate')}>
          <DueDate item={detail} />
        </Row>
        <Row label={t('incoming.fields.source')}>{t(`incoming.sources.${detail.source}`)}</Row>
        {detail.packetSignature && (
          // Informative only (standards §1.7): the PDF signatures of the files are the legal ones.
          <Row label={t('incoming.fields.packetSignature')}>
            <span data-testid="packet-signature" data-status={detail.packetSignature.status}>
              {t(`incoming.detail.packetSignature.${detail.packetSignature.status}`)}
              {detail.packetSignature.signer ? ` — ${detail.packetSignature.signer}` : ''}
            </span>
          </Row>
        )}
        {detail.registeredBy && detail.registeredAt && (
          <Row label={t('incoming.fields.registeredBy')}>
            {detail.registeredBy.fullName} · {formatIsoDateTime(detail.registeredAt)}
          </Row>
        )}
        {detail.submittedTo && (
          <Row label={t('incoming.fields.submittedTo')}>
            {detail.submittedTo.user?.fullName ?? detail.submittedTo.unit?.name}
            {detail.submittedAt && ` · ${formatIsoDateTime(detail.submittedAt)}`}
          </Row>
        )}
        {detail.notes && <Row label={t('incoming.fields.notes')}>{detail.notes}</Row>}
        {detail.returnReason && (
          <Row label={t('incoming.fields.returnReason')}>{detail.returnReason}</Row>
        )}
      </Box>
      {detail.direction && (
        <Card withBorder mt="sm" padding="sm" bg="yellow.0" data-testid="direction">
          <Text size="xs" c="dimmed" fw={500}>
            {t('incoming.fields.direction')}
            {detail.directedBy && ` · ${detail.directedBy.fullName}`}
            {detail.directedAt && ` · ${formatIsoDateTime(detail.directedAt)}`}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.direction}
          </Text>
        </Card>
      )}
      {detail.result && (
        <Card withBorder mt="sm" padding="sm" bg="green.0" data-testid="result">
          <Text size="xs" c="dimmed" fw={500}>
            {t('incoming.fields.result')}
            {detail.completedBy && ` · ${detail.completedBy.fullName}`}
            {detail.completedAt && ` · ${formatIsoDateTime(detail.completedAt)}`}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.result}
          </Text>
        </Card>
      )}
    </Section>
  );
}

// --- Files ------------------------------------------------------------------------------------

export function FilesSection({ detail }: { detail: IncomingDetail }) {
  const { t, i18n } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const main = detail.files.find((file) => file.role === 'main') ?? detail.files[0];
  const previewable = main?.mediaType === 'application/pdf';
  return (
    <Section title={t('incoming.detail.files')} icon={<IconFileTypePdf size={18} />} testId="files">
      {detail.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incoming.detail.noFiles')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {detail.files.map((file) => (
              <Group
                key={file.id}
                component="li"
                gap="sm"
                wrap="nowrap"
                justify="space-between"
                data-testid="file-row"
              >
                <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                  {file.mediaType === 'application/pdf' ? (
                    <IconFileTypePdf
                      size={20}
                      aria-hidden="true"
                      color="var(--mantine-color-red-7)"
                    />
                  ) : (
                    <IconFile size={20} aria-hidden="true" />
                  )}
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Anchor
                      href={fileContentUrl(file.id, 'attachment')}
                      size="sm"
                      truncate="end"
                      title={file.name}
                      download={file.name}
                    >
                      {file.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`incoming.fileRoles.${file.role}`)} ·{' '}
                      {formatFileSize(file.size, i18n.language)}
                      {file.pageCount ? ` · ${t('files.pages', { count: file.pageCount })}` : ''}
                    </Text>
                    <FileSignatureBadge signatures={file.signatures} />
                  </Stack>
                </Group>
                <Anchor
                  href={fileContentUrl(file.id, 'attachment')}
                  download={file.name}
                  aria-label={t('incoming.detail.download', { name: file.name })}
                  title={t('incoming.detail.download', { name: file.name })}
                  style={{ display: 'flex' }}
                >
                  <IconDownload size={18} aria-hidden="true" />
                </Anchor>
              </Group>
            ))}
          </Stack>
          {main &&
            previewable &&
            (wide ? (
              <Box
                component="iframe"
                src={fileContentUrl(main.id, 'inline')}
                title={t('incoming.detail.preview', { name: main.name })}
                w="100%"
                h={720}
                style={{
                  border: '1px solid var(--mantine-color-gray-3)',
                  borderRadius: 'var(--mantine-radius-sm)',
                }}
                data-testid="pdf-preview"
              />
            ) : (
              <Button
                component="a"
                href={fileContentUrl(main.id, 'inline')}
                target="_blank"
                rel="noopener"
                variant="light"
                leftSection={<IconExternalLink size={16} aria-hidden="true" />}
                data-testid="pdf-open"
              >
                {t('incoming.detail.openPreview')}
              </Button>
            ))}
        </Stack>
      )}
    </Section>
  );
}

// --- Assignments ------------------------------------------------------------------------------

const assignmentStateColors = {
  assigned: 'blue',
  in_progress: 'yellow',
  reported: 'teal',
  completed: 'green',
  returned: 'gray',
  reassigned: 'gray',
} as const;

function AssignmentCard({
  node,
  depth,
  documentDirection,
}: {
  node: AssignmentNode;
  depth: number;
  /** Not repeated on every assignment that carries the leader's own direction. */
  documentDirection: string | null;
}) {
  const { t } = useTranslation();
  const a = node.assignment;
  return (
    <Stack
      gap={6}
      pl={depth > 0 ? 'md' : 0}
      style={depth > 0 ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}
    >
      <Card
        withBorder
        padding="sm"
        radius="sm"
        data-testid="assignment"
        data-role={a.role}
        data-state={a.state}
        data-active={a.active || undefined}
        opacity={a.active ? 1 : 0.75}
      >
        <Stack gap={4}>
          <Group justify="space-between" gap="xs" align="flex-start">
            <Group gap={6}>
              <Badge
                variant={a.role === 'lead' ? 'filled' : 'light'}
                color={a.role === 'lead' ? 'blue' : a.role === 'co_handler' ? 'cyan' : 'gray'}
                style={{ textTransform: 'none' }}
              >
                {t(`incoming.assignmentRoles.${a.role}`)}
              </Badge>
              <Text size="sm" fw={600} data-testid="assignee">
                {assigneeName(t, a)}
              </Text>
            </Group>
            <Badge
              color={assignmentStateColors[a.state]}
              variant="light"
              style={{ textTransform: 'none' }}
              data-testid="assignment-state"
            >
              {t(`incoming.assignmentStates.${a.state}`)}
            </Badge>
          </Group>
          {a.dueDate && (
            <Text size="xs">
              {t('incoming.fields.dueDate')}:{' '}
              <DueDate
                item={{ dueDate: a.dueDate, overdue: a.overdue, dueSoon: false }}
                size="xs"
              />
            </Text>
          )}
          {a.direction && a.direction !== documentDirection && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.direction}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('incoming.assignments.assignedBy', {
              name: a.assignedBy.fullName,
              time: formatIsoDateTime(a.assignedAt),
            })}
            {a.startedAt &&
              ` · ${t('incoming.assignments.startedAt', { time: formatIsoDateTime(a.startedAt) })}`}
          </Text>
          {a.extensionRequest && (
            <Text size="xs" c="orange.8">
              {t('incoming.assignments.extensionPending', {
                until: formatIsoDate(a.extensionRequest.until),
                reason: a.extensionRequest.reason,
              })}
            </Text>
          )}
          {a.result && (
            <Text size="sm" c="green.9">
              <IconCircleCheck size={14} aria-hidden="true" style={{ verticalAlign: '-2px' }} />{' '}
              {a.result}
            </Text>
          )}
          {a.returnReason && (
            <Text size="xs" c="red.8">
              {t('incoming.assignments.returned', { reason: a.returnReason })}
            </Text>
          )}
        </Stack>
      </Card>
      {node.children.map((child) => (
        <AssignmentCard
          key={child.assignment.id}
          node={child}
          depth={depth + 1}
          documentDirection={documentDirection}
        />
      ))}
    </Stack>
  );
}

export function AssignmentsSection({ detail }: { detail: IncomingDetail }) {
  const { t } = useTranslation();
  const tree = assignmentTree(detail.assignments);
  return (
    <Section
      title={t('incoming.detail.assignments')}
      icon={<IconUsersGroup size={18} />}
      testId="assignments"
    >
      {tree.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incoming.detail.noAssignments')}
        </Text>
      ) : (
        <Stack gap="sm">
          {tree.map((node) => (
            <AssignmentCard
              key={node.assignment.id}
              node={node}
              depth={0}
              documentDirection={detail.direction}
            />
          ))}
        </Stack>
      )}
    </Section>
  );
}

// --- Comments ---------------------------------------------------------------------------------

export function CommentsSection({ detail }: { detail: IncomingDetail }) {
  const { t } = useTranslation();
  const action = useIncomingAction(detail.id);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canComment = detail.actions.includes('comment');

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      setError(t('forms.required'));
      return;
    }
    setError(null);
    action.mutate(
      { path: 'comments', body: { body: body.trim(), fileIds: [] } },
      {
        onSuccess: () => {
          setBody('');
        },
        onError: (failure) => {
          setError(incomingErrorMessage(t, failure));
        },
      },
    );
  };

  return (
    <Section
      title={t('incoming.detail.comments')}
      icon={<IconMessage size={18} />}
      testId="comments"
    >
      <Stack gap="sm">
        {detail.comments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('incoming.detail.noComments')}
          </Text>
        )}
        {detail.comments.map((comment) => (
          <Box key={comment.id} data-testid="comment">
            <Text size="xs" c="dimmed">
              <Text span size="xs" fw={600} c="dark">
                {comment.author.fullName}
              </Text>
              {comment.onBehalfOf &&
                ` ${t('incoming.history.onBehalfOf', { name: comment.onBehalfOf.fullName })}`}
              {' · '}
              {formatIsoDateTime(comment.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment.body}
            </Text>
          </Box>
        ))}
        {canComment && (
          <form onSubmit={submit} aria-label={t('incoming.detail.addComment')}>
            <Stack gap="xs">
              <Textarea
                label={t('incoming.detail.addComment')}
                autosize
                minRows={2}
                maxLength={4000}
                value={body}
                onChange={(event) => {
                  setBody(event.currentTarget.value);
                }}
                error={error}
                data-testid="comment-input"
              />
              <Group justify="flex-end">
                <Button type="submit" size="sm" variant="light" loading={action.isPending}>
                  {t('incoming.detail.sendComment')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}

// --- History ----------------------------------------------------------------------------------

const knownEvents = new Set([
  'received',
  'registered',
  'submitted',
  'returned_to_sender',
  'directed',
  'reassigned',
  'handling_started',
  'commented',
  'reported',
  'acknowledged',
  'assignment_returned',
  'extension_requested',
  'extension_decided',
  'completed',
  'viewed',
]);

function eventTitle(t: TFunction, event: HistoryEvent): string {
  const name = event.type.replace(/^incoming\./, '');
  return knownEvents.has(name)
    ? t(`incoming.history.types.${name}` as 'incoming.history.types.registered')
    : event.type;
}

/** The few details worth a line under an event: text the user typed, dates and outcomes. */
function eventDetails(t: TFunction, event: HistoryEvent, detail: IncomingDetail): string[] {
  const data = event.data;
  const text = (key: string) =>
    typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : null;
  const lines: string[] = [];
  const number = data['arrivalNumber'];
  if (typeof number === 'number')
    lines.push(t('incoming.history.arrivalNumber', { number: formatNumber(number) }));
  const assignment = detail.assignments.find((a) => a.id === text('newAssignmentId'));
  if (assignment) lines.push(t('incoming.history.to', { name: assigneeName(t, assignment) }));
  const submitted = event.type === 'incoming.submitted' ? detail.submittedTo : null;
  if (submitted)
    lines.push(
      t('incoming.history.to', { name: submitted.user?.fullName ?? submitted.unit?.name ?? '' }),
    );
  for (const key of ['direction', 'reason', 'result', 'note'] as const) {
    const value = text(key);
    if (value) lines.push(value);
  }
  const until = text('until');
  if (typeof data['approved'] === 'boolean') {
    lines.push(
      data['approved']
        ? t('incoming.history.approved', { until: until ? formatIsoDate(until) : '' })
        : t('incoming.history.refused'),
    );
  } else if (until) {
    lines.push(t('incoming.history.until', { until: formatIsoDate(until) }));
  }
  return lines;
}

export function HistorySection({ detail }: { detail: IncomingDetail }) {
  const { t } = useTranslation();
  const history = useIncomingHistory(detail.id);
  const items = history.data?.items ?? [];
  return (
    <Section title={t('incoming.detail.history')} icon={<IconHistory size={18} />} testId="history">
      {history.isPending ? (
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      ) : history.isError ? (
        <Text size="sm" c="red">
          {incomingErrorMessage(t, history.error)}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incoming.detail.noHistory')}
        </Text>
      ) : (
        <Timeline active={items.length - 1} bulletSize={18} lineWidth={2}>
          {items.map((event) => (
            <Timeline.Item
              key={event.id}
              bullet={<IconPoint size={12} aria-hidden="true" />}
              title={
                <Text size="sm" fw={600} data-testid="history-event" data-type={event.type}>
                  {eventTitle(t, event)}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {event.actor?.name ?? t('incoming.history.system')}
                {event.onBehalfOf &&
                  ` ${t('incoming.history.onBehalfOf', { name: event.onBehalfOf.name })}`}
                {' · '}
                {formatIsoDateTime(event.occurredAt)}
              </Text>
              {eventDetails(t, event, detail).map((line, index) => (
                <Text key={index} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {line}
                </Text>
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
