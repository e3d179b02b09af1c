import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCertificate, IconPhotoUp, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { fold } from './agencyTree';
import { ErrorAlert } from './ErrorAlert';
import { ImportCertificateDialog } from './ImportCertificateDialog';
import { OwnerCard } from './OwnerCard';
import { groupByOwner } from './owners';
import { useCertificates, useSignatureImages } from './signatureQueries';
import { UploadImageDialog } from './UploadImageDialog';

/** A 404 from a route the server does not have yet reads better as "not available". */
function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 404) {
    return (
      <Alert color="gray" variant="light" data-testid="signatures-unavailable">
        {t('admin.certificates.unavailable')}
      </Alert>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}

/**
 * Certificates (.p12 import, expiry, DEMO, deactivate) and signature images / seals (transparent
 * PNG, preview), one card per person or agency. `scope="all"`: every owner the admin manages;
 * `scope="own"`: the user's own and their agency's, as the API shows them.
 */
export function CertificatesPage({ scope }: { scope: 'own' | 'all' }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.certificates.title'));
  const me = useSession();
  const certificates = useCertificates();
  const images = useSignatureImages();
  const [dialog, setDialog] = useState<'certificate' | 'image' | null>(null);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const names = new Map<string, string>([
      [me.user.id, me.user.fullName],
      ...me.roles.map((role): [string, string] => [role.agency.id, role.agency.name]),
    ]);
    const q = fold(query.trim());
    // The API shows an admin everything: the own page keeps the user's and their agencies'.
    const own = new Set([me.user.id, me.agency.id, ...me.roles.map((role) => role.agency.id)]);
    return groupByOwner(certificates.data?.items ?? [], images.data ?? [], names).filter(
      (group) =>
        (scope === 'all' || own.has(group.id)) && (q === '' || fold(group.name ?? '').includes(q)),
    );
  }, [certificates.data, images.data, me, query, scope]);
  const close = () => {
    setDialog(null);
  };
  const now = new Date();
  const failed = certificates.error ?? images.error;

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t('admin.certificates.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(scope === 'all' ? 'admin.certificates.introAll' : 'admin.certificates.introOwn')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            leftSection={<IconCertificate size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog('certificate');
            }}
            data-testid="certificate-import"
          >
            {t('admin.certificates.import')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconPhotoUp size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog('image');
            }}
            data-testid="image-upload"
          >
            {t('admin.images.upload')}
          </Button>
        </Group>
      </Group>
      {scope === 'all' && (
        <TextInput
          label={t('admin.certificates.search')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
          }}
          maw={420}
          data-testid="certificate-search"
        />
      )}
      {failed ? (
        <LoadError
          error={failed}
          onRetry={() => {
            void certificates.refetch();
            void images.refetch();
          }}
        />
      ) : certificates.isPending || images.isPending ? (
        <Center py="md">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.certificates.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" data-testid="certificate-list">
          {groups.map((group) => (
            <OwnerCard key={group.key} group={group} now={now} />
          ))}
        </SimpleGrid>
      )}
      {dialog === 'certificate' && <ImportCertificateDialog scope={scope} onClose={close} />}
      {dialog === 'image' && <UploadImageDialog scope={scope} onClose={close} />}
    </Stack>
  );
}
