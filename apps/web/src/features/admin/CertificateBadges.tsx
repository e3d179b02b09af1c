import { Badge, Group } from '@mantine/core';
import type { Certificate } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';
import { daysLeft, expiryColors, expiryStatus } from './expiry';

const badgeStyle = { textTransform: 'none' } as const;

/** Red "expired", orange "expires in N days" (within 30), green "valid"; DEMO; deactivated. */
export function CertificateBadges({ certificate, now }: { certificate: Certificate; now: Date }) {
  const { t } = useTranslation();
  const status = expiryStatus(certificate, now);
  return (
    <Group gap={4}>
      <Badge
        size="sm"
        color={expiryColors[status]}
        variant={status === 'valid' ? 'light' : 'filled'}
        style={badgeStyle}
        data-testid="certificate-expiry"
        data-status={status}
      >
        {status === 'expiringSoon'
          ? t('admin.certificates.expiresIn', {
              count: Math.max(daysLeft(certificate.validTo, now), 0),
            })
          : t(`admin.certificates.expiry.${status}`)}
      </Badge>
      {certificate.demo && (
        <Badge
          size="sm"
          color="yellow"
          variant="filled"
          c="dark"
          style={badgeStyle}
          title={t('admin.certificates.demoHint')}
          data-testid="certificate-demo"
        >
          {t('admin.certificates.demo')}
        </Badge>
      )}
      {!certificate.active && (
        <Badge
          size="sm"
          color="gray"
          variant="light"
          style={badgeStyle}
          data-testid="certificate-inactive"
        >
          {t('admin.certificates.inactive')}
        </Badge>
      )}
    </Group>
  );
}
