import { Button, Group, List, Text } from '@mantine/core';
import type { OutgoingDetail } from '@vanban/contracts';
import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconEdit,
  IconFilePencil,
  IconFileUpload,
  IconHash,
  IconReplace,
  IconSend,
  IconSignature,
  IconRubberStamp,
  IconWorldUpload,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CorrectDialog, ReplaceDialog } from './ChangeDialogs';
import { parseActions } from './model';
import type { OutgoingAction } from './model';
import { NewVersionDialog } from './NewVersionDialog';
import { SignaturePlacement } from './SignaturePlacement';
import { ApproveDialog, ConfirmDialog, ReasonDialog } from './SimpleDialogs';
import { SubmitDialog } from './SubmitDialog';

type Icon = ComponentType<{ size?: number | string }>;

const icons: Record<OutgoingAction, Icon> = {
  edit: IconEdit,
  new_version: IconFileUpload,
  submit: IconSend,
  approve: IconCheck,
  return: IconArrowBackUp,
  sign: IconSignature,
  number: IconHash,
  seal: IconRubberStamp,
  issue: IconWorldUpload,
  revoke: IconBan,
  replace: IconReplace,
  correct: IconFilePencil,
};

/** The step that moves the document on is filled; the others are outlined. */
const primary = new Set<OutgoingAction>(['submit', 'approve', 'sign', 'number', 'seal', 'issue']);
const colors: Partial<Record<OutgoingAction, string>> = {
  approve: 'green',
  return: 'red',
  revoke: 'red',
};

/** Who receives the document how, before issuing it. */
function IssueIntro({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const count = (channel: 'internal' | 'hub' | 'paper') =>
    detail.recipients.filter((recipient) => recipient.channel === channel).length;
  const lines = (['internal', 'hub', 'paper'] as const).filter((channel) => count(channel) > 0);
  return (
    <>
      <Text size="sm">{t('outgoing.issue.intro')}</Text>
      <List size="sm" spacing={4}>
        {lines.map((channel) => (
          <List.Item key={channel}>
            {t(`outgoing.issue.${channel}`, { count: count(channel) })}
          </List.Item>
        ))}
      </List>
      {lines.length === 0 && (
        <Text size="sm" c="orange.8">
          {t('outgoing.issue.noRecipients')}
        </Text>
      )}
    </>
  );
}

/** Exactly the buttons of the server's `actions`, each with its dialog. */
export function OutgoingActions({ detail }: { detail: OutgoingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OutgoingAction | null>(null);
  const actions = parseActions(detail.actions);
  if (actions.length === 0) return null;
  const close = () => {
    setOpen(null);
  };

  return (
    <>
      <Group
        gap="xs"
        data-testid="outgoing-actions"
        role="group"
        aria-label={t('outgoing.actions.label')}
      >
        {actions.map((kind) => {
          const Icon = icons[kind];
          const common = {
            variant: primary.has(kind) ? 'filled' : 'default',
            color: colors[kind],
            leftSection: <Icon size={16} />,
            'data-testid': `outgoing-action-${kind}`,
          } as const;
          return kind === 'edit' ? (
            <Button key={kind} component={Link} to={`/outgoing/${detail.id}/edit`} {...common}>
              {t('outgoing.actions.edit')}
            </Button>
          ) : (
            <Button
              key={kind}
              onClick={() => {
                setOpen(kind);
              }}
              {...common}
            >
              {t(`outgoing.actions.${kind}`)}
            </Button>
          );
        })}
      </Group>

      {open === 'new_version' && <NewVersionDialog detail={detail} onClose={close} />}
      {open === 'submit' && <SubmitDialog detail={detail} onClose={close} />}
      {open === 'approve' && <ApproveDialog detail={detail} onClose={close} />}
      {open === 'return' && <ReasonDialog detail={detail} onClose={close} kind="return" />}
      {open === 'revoke' && <ReasonDialog detail={detail} onClose={close} kind="revoke" />}
      {open === 'sign' && (
        <ConfirmDialog detail={detail} onClose={close} kind="sign">
          <Text size="sm">{t('outgoing.sign.intro')}</Text>
          <SignaturePlacement detail={detail} />
        </ConfirmDialog>
      )}
      {(open === 'number' || open === 'seal') && (
        <ConfirmDialog detail={detail} onClose={close} kind={open}>
          <Text size="sm">{t(`outgoing.${open}.intro`)}</Text>
        </ConfirmDialog>
      )}
      {open === 'issue' && (
        <ConfirmDialog detail={detail} onClose={close} kind="issue">
          <IssueIntro detail={detail} />
        </ConfirmDialog>
      )}
      {open === 'replace' && <ReplaceDialog detail={detail} onClose={close} />}
      {open === 'correct' && <CorrectDialog detail={detail} onClose={close} />}
    </>
  );
}
