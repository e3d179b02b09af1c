import { Badge, Tooltip } from '@mantine/core';
import type { FileSignatures } from '@vanban/contracts';
import {
  IconAlertTriangle,
  IconRosetteDiscountCheck,
  IconShieldQuestion,
  IconShieldX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';

const looks = {
  pending: { color: 'gray', icon: IconShieldQuestion },
  valid: { color: 'green', icon: IconRosetteDiscountCheck },
  untrusted: { color: 'orange', icon: IconAlertTriangle },
  invalid: { color: 'red', icon: IconShieldX },
} as const;

/** The server's verdict on a received file's PDF signatures; nothing for unsigned files. */
export function FileSignatureBadge({ signatures }: { signatures: FileSignatures }) {
  const { t } = useTranslation();
  if (signatures.status === 'none') return null;
  const look = looks[signatures.status];
  const Icon = look.icon;
  const who = signatures.signatures
    .map((s) =>
      t('incoming.detail.signatureDetail', {
        signer: s.signerName ?? s.fieldName,
        time: s.signingTime ? formatIsoDateTime(s.signingTime) : '—',
      }),
    )
    .join('\n');
  return (
    <Tooltip label={who || t(`incoming.detail.signatureStatus.${signatures.status}`)} multiline>
      <Badge
        color={look.color}
        variant="light"
        leftSection={<Icon size={12} aria-hidden="true" />}
        style={{ textTransform: 'none', flexShrink: 0 }}
        data-testid="signature-status"
        data-status={signatures.status}
      >
        {t(`incoming.detail.signatureStatus.${signatures.status}`)}
      </Badge>
    </Tooltip>
  );
}
