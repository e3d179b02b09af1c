import { useDocTypeName } from '../documents/useDocTypes';
import { Anchor, Box, Stack, Text } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import { IconFile } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate, formatIsoDateTime } from '../../i18n/format';
import { Section } from '../incoming/DocumentSections';
import { formatNumber } from '../incoming/model';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(110px, 38%) 1fr', gap: 8 }} py={4}>
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

export function MetadataSection({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const docTypeName = useDocTypeName();
  return (
    <Section
      title={t('outgoing.detail.metadata')}
      icon={<IconFile size={18} />}
      testId="outgoing-metadata"
    >
      <Box component="dl" m={0}>
        <Row label={t('outgoing.fields.reference')} testId="outgoing-meta-reference">
          {detail.reference ?? t('outgoing.list.noReference')}
        </Row>
        {detail.number !== null && detail.registerName && (
          <Row label={t('outgoing.fields.register')}>
            {formatNumber(detail.number)} · {detail.registerName}
          </Row>
        )}
        {detail.issueDate && (
          <Row label={t('outgoing.fields.issueDate')}>{formatIsoDate(detail.issueDate)}</Row>
        )}
        <Row label={t('outgoing.fields.docType')}>
          {docTypeName(detail.docType, detail.docTypeName)}
        </Row>
        <Row label={t('outgoing.fields.urgency')}>{t(`incoming.urgency.${detail.urgency}`)}</Row>
        <Row label={t('outgoing.fields.secrecy')}>{t(`incoming.secrecy.${detail.secrecy}`)}</Row>
        <Row label={t('outgoing.fields.drafter')}>
          {detail.drafter.fullName}
          {detail.drafterUnit && ` · ${detail.drafterUnit.name}`}
        </Row>
        <Row label={t('outgoing.fields.signer')} testId="outgoing-meta-signer">
          {detail.signer.fullName}
          {detail.signerPosition && ` — ${detail.signerPosition}`}
        </Row>
        <Row label={t('outgoing.fields.agency')}>{detail.agency.name}</Row>
        {detail.issuedAt && (
          <Row label={t('outgoing.fields.issuedAt')}>{formatIsoDateTime(detail.issuedAt)}</Row>
        )}
        {detail.answers.length > 0 && (
          <Row label={t('outgoing.fields.answers')} testId="outgoing-meta-answers">
            <Stack gap={2} component="span">
              {detail.answers.map((answer) => (
                <Anchor key={answer.id} component={Link} to={`/incoming/${answer.id}`} size="sm">
                  {answer.reference} — {answer.subject}
                </Anchor>
              ))}
            </Stack>
          </Row>
        )}
        {detail.replaces && (
          <Row label={t('outgoing.fields.replaces')}>
            <Anchor component={Link} to={`/outgoing/${detail.replaces.id}`} size="sm">
              {detail.replaces.reference ?? t('outgoing.list.noReference')}
            </Anchor>
          </Row>
        )}
        {detail.replacedBy && (
          <Row label={t('outgoing.fields.replacedBy')}>
            <Anchor component={Link} to={`/outgoing/${detail.replacedBy.id}`} size="sm">
              {detail.replacedBy.reference ?? t('outgoing.list.noReference')}
            </Anchor>
          </Row>
        )}
        {detail.notes && <Row label={t('outgoing.fields.notes')}>{detail.notes}</Row>}
      </Box>
    </Section>
  );
}
