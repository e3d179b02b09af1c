import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatIsoDateTime } from '../../i18n/format';
import { CertificateRow } from './CertificateList';
import { ImagePreview } from './ImagePreview';
import type { OwnerGroup } from './owners';
import type { SignatureImage } from './signatureQueries';
import { signatureImageUrl } from './signatureQueries';

const badgeStyle = { textTransform: 'none' } as const;

function ImageTile({ image, ownerName }: { image: SignatureImage; ownerName: string }) {
  const { t } = useTranslation();
  const kind = t(`admin.images.kinds.${image.kind}`);
  return (
    <Stack gap={4} data-testid="signature-image" data-kind={image.kind}>
      <ImagePreview
        src={signatureImageUrl(image.id)}
        alt={t('admin.images.alt', { kind, name: ownerName })}
        height={72}
      />
      <Group gap={4}>
        <Badge size="xs" variant="light" style={badgeStyle}>
          {kind}
        </Badge>
        {image.demo && (
          <Badge size="xs" color="yellow" c="dark" variant="filled" style={badgeStyle}>
            {t('admin.certificates.demo')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('admin.images.size', { width: image.width, height: image.height })} ·{' '}
        {formatIsoDateTime(image.createdAt)}
      </Text>
    </Stack>
  );
}

/** A person or an agency: their certificates, then their signature image or seal. */
export function OwnerCard({ group, now }: { group: OwnerGroup; now: Date }) {
  const { t } = useTranslation();
  const name = group.name ?? t(`admin.certificates.ownerUnknown.${group.kind}`);
  const Icon = group.kind === 'agency' ? IconBuildingCommunity : IconUser;
  return (
    <Card withBorder radius="md" padding="md" data-testid="owner-card" data-kind={group.kind}>
      <Group gap="xs" wrap="nowrap" mb="xs">
        <ThemeIcon variant="light" radius="xl" aria-hidden="true">
          <Icon size={16} />
        </ThemeIcon>
        <Title order={3} fz="sm" style={{ minWidth: 0 }}>
          {t(`admin.certificates.ownerGroup.${group.kind}`, { name })}
        </Title>
      </Group>
      {group.certificates.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('admin.certificates.none')}
        </Text>
      ) : (
        group.certificates.map((certificate) => (
          <CertificateRow key={certificate.id} certificate={certificate} now={now} />
        ))
      )}
      {group.images.length > 0 && (
        <SimpleGrid cols={2} spacing="sm" mt="xs">
          {group.images.map((image) => (
            <ImageTile key={image.id} image={image} ownerName={name} />
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
