import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import { IconChecklist, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';
import { Section } from '../incoming/DocumentSections';
import { reviewRounds } from './reviewSteps';

const reviewColors = {
  waiting: 'gray',
  pending: 'yellow',
  approved: 'green',
  returned: 'red',
  cancelled: 'gray',
} as const;

/**
 * The review chain, newest submission first: each step with its reviewers (parallel within a
 * step), their decision and comment; the chain ends with the signer.
 */
export function ReviewSection({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const rounds = reviewRounds(detail.reviewSteps);
  const signed =
    detail.signatures.length > 0 ||
    ['signed', 'numbered', 'sealed', 'issued'].includes(detail.state);

  return (
    <Section
      title={t('outgoing.detail.review')}
      icon={<IconChecklist size={18} />}
      testId="outgoing-review"
    >
      {rounds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {detail.state === 'draft' || detail.state === 'returned'
            ? t('outgoing.detail.noReview')
            : t('outgoing.detail.noReviewSteps')}
        </Text>
      ) : (
        <Stack gap="md">
          {rounds.map((round, index) => (
            <Stack
              key={round.round}
              gap={6}
              data-testid="review-round"
              data-round={round.round}
              opacity={index === 0 ? 1 : 0.8}
            >
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {t('outgoing.detail.round', { round: round.round })}
              </Text>
              {round.steps.map((step) => (
                <Card key={step.position} withBorder padding="xs" radius="sm">
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('outgoing.detail.step', { position: step.position })}
                  </Text>
                  <Stack gap={6}>
                    {step.reviewers.map((review) => (
                      <Stack
                        key={review.id}
                        gap={2}
                        data-testid="review-entry"
                        data-state={review.state}
                      >
                        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                          <Text size="sm" fw={500}>
                            {review.reviewer.fullName}
                          </Text>
                          <Badge
                            size="sm"
                            variant="light"
                            color={reviewColors[review.state]}
                            style={{ textTransform: 'none', flexShrink: 0 }}
                          >
                            {t(`outgoing.detail.reviewStates.${review.state}`)}
                          </Badge>
                        </Group>
                        {review.decidedAt && (
                          <Text size="xs" c="dimmed">
                            {formatIsoDateTime(review.decidedAt)}
                          </Text>
                        )}
                        {review.comment && (
                          <Text
                            size="sm"
                            c={review.state === 'returned' ? 'red.9' : undefined}
                            style={{ whiteSpace: 'pre-wrap' }}
                            data-testid="review-comment"
                          >
                            {review.comment}
                          </Text>
                        )}
                      </Stack>
                    ))}
                  </Stack>
                </Card>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
      <Group gap="xs" mt="sm" wrap="nowrap">
        <IconSignature size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
        <Text size="sm">
          {t(signed ? 'outgoing.detail.signedBy' : 'outgoing.detail.toBeSignedBy', {
            name: detail.signer.fullName,
          })}
        </Text>
      </Group>
    </Section>
  );
}
