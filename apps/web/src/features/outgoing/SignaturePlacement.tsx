import { Box, Group, Stack, Text } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import { useTranslation } from 'react-i18next';
import { a4, boxOnPage } from './model';
import type { BoxLike } from './model';

/**
 * Where the signature image lands: the configured box on its page, or — without one — the
 * default, at the end of the document between the position line and the signer's name
 * (drawn at the usual place of the signature block, on the right).
 */
const illustrativeDefault: BoxLike = { page: 1, x: 330, y: 250, width: 180, height: 70 };

export function SignaturePlacement({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const box = detail.signatureBox;
  const current = detail.versions.at(-1);
  const main = current?.files.find((file) => file.role === 'main');
  const pages = main?.pageCount ?? null;
  const place = boxOnPage(box ?? illustrativeDefault);

  return (
    <Group gap="md" align="flex-start" wrap="nowrap" data-testid="signature-placement">
      <Box
        role="img"
        aria-label={t('outgoing.sign.previewLabel')}
        w={120}
        h={Math.round((120 * a4.height) / a4.width)}
        style={{
          position: 'relative',
          flexShrink: 0,
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 2,
          background:
            'repeating-linear-gradient(180deg, transparent 0 9px, var(--mantine-color-gray-2) 9px 10px)',
        }}
      >
        <Box
          style={{
            position: 'absolute',
            left: `${String(place.left)}%`,
            top: `${String(place.top)}%`,
            width: `${String(place.width)}%`,
            height: `${String(place.height)}%`,
            border: `2px ${box ? 'solid' : 'dashed'} var(--mantine-color-blue-6)`,
            background: 'rgba(34, 139, 230, 0.15)',
          }}
          data-testid="signature-box"
        />
      </Box>
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500}>
          {t('outgoing.sign.where')}
        </Text>
        {box ? (
          <Text size="sm" data-testid="signature-where">
            {t('outgoing.sign.box', {
              page: box.page,
              x: Math.round(box.x),
              y: Math.round(box.y),
              width: Math.round(box.width),
              height: Math.round(box.height),
            })}
          </Text>
        ) : (
          <Text size="sm" data-testid="signature-where">
            {t('outgoing.sign.defaultBox')}
            {pages !== null && ` ${t('outgoing.sign.lastPage', { page: pages })}`}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {detail.signer.fullName}
          {detail.signerPosition && ` — ${detail.signerPosition}`}
        </Text>
      </Stack>
    </Group>
  );
}
