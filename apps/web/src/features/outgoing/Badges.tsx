import { Badge, Tooltip } from '@mantine/core';
import type { OutgoingState, RecipientStatus, SignatureCheckView } from '@vanban/contracts';
import { IconShieldCheck, IconShieldExclamation, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { recipientStatusColor, signatureVerdict, stateColor, verdictColors } from './model';

const noCaps = { textTransform: 'none' } as const;

export function OutgoingStateBadge({ state }: { state: OutgoingState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={stateColor(state)}
      variant="light"
      style={noCaps}
      data-testid="outgoing-state"
      data-state={state}
    >
      {t(`outgoing.states.${state}`)}
    </Badge>
  );
}

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={recipientStatusColor(status)}
      variant="light"
      style={{ ...noCaps, flexShrink: 0 }}
      data-testid="recipient-status"
      data-status={status}
    >
      {t(`outgoing.recipients.statuses.${status}`)}
    </Badge>
  );
}

const verdictIcons = {
  valid: IconShieldCheck,
  untrusted: IconShieldExclamation,
  invalid: IconShieldX,
} as const;

/** Valid / untrusted / invalid, with the verifier's problems in a tooltip. */
export function SignatureBadge({ check }: { check: SignatureCheckView }) {
  const { t } = useTranslation();
  const verdict = signatureVerdict(check);
  const Icon = verdictIcons[verdict];
  const badge = (
    <Badge
      color={verdictColors[verdict]}
      variant="light"
      leftSection={<Icon size={12} aria-hidden="true" />}
      style={{ ...noCaps, flexShrink: 0 }}
      data-testid="signature-verdict"
      data-verdict={verdict}
    >
      {t(`outgoing.detail.verdicts.${verdict}`)}
    </Badge>
  );
  if (check.problems.length === 0) return badge;
  return (
    <Tooltip label={check.problems.join(' · ')} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}
