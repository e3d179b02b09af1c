import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { OutgoingDetail } from '@vanban/contracts';
import { IconExternalLink, IconEye, IconFileTypePdf, IconVersions } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize, formatIsoDateTime } from '../../i18n/format';
import { Section } from '../incoming/DocumentSections';
import { fileContentUrl } from '../incoming/queries';

type Version = OutgoingDetail['versions'][number];

const kindColors = { draft: 'gray', signed: 'blue', numbered: 'cyan', sealed: 'violet' } as const;

function mainFile(version: Version | undefined) {
  return version?.files.find((file) => file.role === 'main') ?? version?.files[0];
}

/** The PDF of one version: embedded on a wide screen, a button to open it on a phone. */
function Preview({ version }: { version: Version }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const main = mainFile(version);
  if (!main || main.mediaType !== 'application/pdf') return null;
  const url = fileContentUrl(main.id, 'inline');
  return wide ? (
    <Box
      component="iframe"
      src={url}
      title={t('outgoing.detail.previewOf', { name: main.name })}
      w="100%"
      h={720}
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
      data-testid="outgoing-pdf-preview"
    />
  ) : (
    <Button
      component="a"
      href={url}
      target="_blank"
      rel="noopener"
      variant="light"
      leftSection={<IconExternalLink size={16} aria-hidden="true" />}
      data-testid="outgoing-pdf-open"
    >
      {t('outgoing.detail.openPreview')}
    </Button>
  );
}

/** The current version's PDF, and every version (newest first) with its files; older ones viewable. */
export function VersionsSection({ detail }: { detail: OutgoingDetail }) {
  const { t, i18n } = useTranslation();
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  const latest = versions[0];
  const [shown, setShown] = useState<number | null>(null);
  const current = versions.find((version) => version.version === shown) ?? latest;

  return (
    <Section
      title={t('outgoing.detail.document')}
      icon={<IconFileTypePdf size={18} />}
      testId="outgoing-versions"
    >
      {!current ? (
        <Text size="sm" c="dimmed">
          {t('outgoing.detail.noFiles')}
        </Text>
      ) : (
        <Stack gap="md">
          {current !== latest && (
            <Text size="sm" c="orange.8" role="status" data-testid="viewing-old-version">
              {t('outgoing.detail.viewingOld', { version: current.version })}
            </Text>
          )}
          <Preview version={current} />
          <Stack gap={4}>
            <Group gap={6}>
              <IconVersions size={16} aria-hidden="true" />
              <Text size="sm" fw={600}>
                {t('outgoing.detail.versions')}
              </Text>
            </Group>
            {versions.map((version) => {
              const viewing = version.version === current.version;
              return (
                <Paper
                  key={version.version}
                  withBorder
                  p="xs"
                  radius="sm"
                  bg={viewing ? 'blue.0' : undefined}
                  data-testid="version"
                  data-version={version.version}
                  data-kind={version.kind}
                >
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {t('outgoing.detail.version', { version: version.version })}
                        </Text>
                        <Badge
                          size="sm"
                          variant="light"
                          color={kindColors[version.kind]}
                          style={{ textTransform: 'none' }}
                        >
                          {t(`outgoing.detail.versionKinds.${version.kind}`)}
                        </Badge>
                        {version === latest && (
                          <Badge size="sm" variant="outline" style={{ textTransform: 'none' }}>
                            {t('outgoing.detail.current')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {version.createdBy.fullName} · {formatIsoDateTime(version.createdAt)}
                      </Text>
                      {version.note && (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {version.note}
                        </Text>
                      )}
                      {version.files.map((file) => (
                        <Anchor
                          key={file.id}
                          href={fileContentUrl(file.id, 'attachment')}
                          download={file.name}
                          size="xs"
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          {file.name} ({t(`outgoing.detail.fileRoles.${file.role}`)},{' '}
                          {formatFileSize(file.size, i18n.language)})
                        </Anchor>
                      ))}
                    </Stack>
                    {!viewing && mainFile(version)?.mediaType === 'application/pdf' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconEye size={14} aria-hidden="true" />}
                        onClick={() => {
                          setShown(version.version);
                        }}
                        style={{ flexShrink: 0 }}
                        aria-label={t('outgoing.detail.viewVersion', { version: version.version })}
                      >
                        {t('outgoing.detail.view')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        </Stack>
      )}
    </Section>
  );
}
