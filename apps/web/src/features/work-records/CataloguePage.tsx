import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import type { Catalogue } from '@vanban/contracts';
import { IconFolderPlus, IconListTree, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../admin/ErrorAlert';
import { vietnamToday } from '../work/isoWeek';
import { EntryDialog, HeadingDialog } from './CatalogueDialogs';
import { recordRules } from './errors';
import { recentYears } from './model';
import { OpenRecordDialog } from './OpenRecordDialog';
import { useCatalogue, useCatalogueAction } from './queries';

function Entries({
  catalogue,
  headingId,
  onOpen,
}: {
  catalogue: Catalogue;
  headingId: string;
  onOpen: (entryId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {catalogue.entries
        .filter((entry) => entry.headingId === headingId)
        .map((entry) => (
          <Group
            key={entry.id}
            gap="sm"
            justify="space-between"
            wrap="wrap"
            data-testid="catalogue-entry"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)', paddingTop: 4 }}
          >
            <Stack gap={0} style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Text size="sm">
                <Text span fw={600}>
                  {entry.notation}
                </Text>{' '}
                {entry.title}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.maintenance}
                {entry.creatorUnit ? ` · ${entry.creatorUnit.name}` : ''}
                {entry.creatorUser ? ` · ${entry.creatorUser.fullName}` : ''}
              </Text>
            </Stack>
            {entry.recordId ? (
              <Anchor component={Link} to={`/work-records/${entry.recordId}`} size="sm">
                {t('records.openRecord')}
              </Anchor>
            ) : (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconFolderPlus size={14} aria-hidden="true" />}
                onClick={() => {
                  onOpen(entry.id);
                }}
                data-testid="catalogue-entry-open"
              >
                {t('records.open')}
              </Button>
            )}
          </Group>
        ))}
    </Stack>
  );
}

/** `/work-records/catalogue?year=`: the agency's records catalogue (Appendix V) of a year. */
export function CataloguePage() {
  const { t } = useTranslation();
  usePageTitle(t('records.catalogue'));
  const currentYear = Number(vietnamToday().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? currentYear) || currentYear;
  const catalogue = useCatalogue(year);
  const create = useCatalogueAction();
  const [copy, setCopy] = useState(true);
  const [dialog, setDialog] = useState<'heading' | 'entry' | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const data = catalogue.data;
  const list = data?.catalogue ?? null;

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Anchor component={Link} to="/work-records" size="sm">
          {t('records.title')}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <Title order={1} fz="h2">
            {t('records.catalogue')}
          </Title>
          <Select
            aria-label={t('records.year')}
            data={recentYears(currentYear).map(String)}
            value={String(year)}
            onChange={(value) => {
              if (value) setParams({ year: value }, { replace: true });
            }}
            allowDeselect={false}
            w={110}
          />
        </Group>
      </Stack>
      {catalogue.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : catalogue.isError ? (
        <ErrorAlert error={catalogue.error} rules={recordRules} />
      ) : !list ? (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('records.catalogueNone', { year })}</Text>
            {data?.canManage && (
              <>
                <Switch
                  label={t('records.catalogueCopy')}
                  checked={copy}
                  onChange={(event) => {
                    setCopy(event.currentTarget.checked);
                  }}
                />
                <Button
                  leftSection={<IconListTree size={16} aria-hidden="true" />}
                  loading={create.isPending}
                  onClick={() => {
                    create.mutate({
                      method: 'POST',
                      path: '/api/records/catalogue',
                      body: { year, ...(copy ? { copyFromYear: year - 1 } : {}) },
                    });
                  }}
                  data-testid="catalogue-create"
                >
                  {t('records.catalogueCreate', { year })}
                </Button>
                {create.error && <ErrorAlert error={create.error} rules={recordRules} />}
              </>
            )}
          </Stack>
        </Paper>
      ) : (
        <>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {t('records.catalogueCounts', list.counts)}
              {list.approvalRef ? ` · ${list.approvalRef}` : ''}
            </Text>
            {data?.canManage && (
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  onClick={() => {
                    setDialog('heading');
                  }}
                  data-testid="catalogue-add-heading"
                >
                  {t('records.addHeading')}
                </Button>
                <Button
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  disabled={list.headings.length === 0}
                  onClick={() => {
                    setDialog('entry');
                  }}
                  data-testid="catalogue-add-entry"
                >
                  {t('records.addEntry')}
                </Button>
              </Group>
            )}
          </Group>
          {list.headings
            .filter((heading) => heading.parentId === null)
            .map((heading) => (
              <Paper key={heading.id} withBorder radius="md" p="sm" data-testid="catalogue-heading">
                <Stack gap="xs">
                  <Title order={2} fz="md">
                    {heading.numeral}. {heading.title}
                    {heading.abbreviation ? ` (${heading.abbreviation})` : ''}
                  </Title>
                  <Entries catalogue={list} headingId={heading.id} onOpen={setOpening} />
                  {list.headings
                    .filter((sub) => sub.parentId === heading.id)
                    .map((sub) => (
                      <Stack key={sub.id} gap={4} pl="md">
                        <Title order={3} fz="sm">
                          {sub.numeral}. {sub.title}
                        </Title>
                        <Entries catalogue={list} headingId={sub.id} onOpen={setOpening} />
                      </Stack>
                    ))}
                </Stack>
              </Paper>
            ))}
          {dialog === 'heading' && (
            <HeadingDialog
              year={year}
              catalogue={list}
              onClose={() => {
                setDialog(null);
              }}
            />
          )}
          {dialog === 'entry' && (
            <EntryDialog
              year={year}
              catalogue={list}
              onClose={() => {
                setDialog(null);
              }}
            />
          )}
        </>
      )}
      {opening && (
        <OpenRecordDialog
          year={year}
          entryId={opening}
          onClose={() => {
            setOpening(null);
          }}
        />
      )}
    </Stack>
  );
}
