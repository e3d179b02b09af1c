import { Button, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { adminFeedback } from '../admin/problems';
import { ActionDialog } from '../incoming/ActionDialog';
import { taskRules } from './errors';
import { useTaskAction } from './queries';

/**
 * "Create task" on a directed incoming document: the server takes the title, owner (the lead),
 * co-owners and due date from the direction; the leader may retitle it and make it public.
 */
export function FromIncomingButton({
  documentId,
  subject,
}: {
  documentId: string;
  subject: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useTaskAction();
  const [opened, setOpened] = useState(false);
  const [title, setTitle] = useState(subject);
  const [isPublic, setPublic] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconChecklist size={16} aria-hidden="true" />}
        onClick={() => {
          action.reset();
          setOpened(true);
        }}
        data-testid="task-from-incoming"
      >
        {t('tasks.fromIncoming')}
      </Button>
      {opened && (
        <ActionDialog
          opened
          onClose={() => {
            setOpened(false);
          }}
          title={t('tasks.fromIncomingTitle')}
          submitLabel={t('tasks.submit')}
          onSubmit={() => {
            action.mutate(
              {
                method: 'POST',
                path: '/api/tasks/from-incoming',
                body: {
                  incomingDocumentId: documentId,
                  ...(title.trim() ? { title: title.trim() } : {}),
                  public: isPublic,
                },
              },
              {
                onSuccess: (task) => {
                  setOpened(false);
                  if (task) void navigate(`/tasks/${task.id}`);
                },
              },
            );
          }}
          pending={action.isPending}
          feedback={action.error ? adminFeedback(action.error, [], taskRules) : null}
          error={action.error}
          testId="task-from-incoming-dialog"
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('tasks.fromIncomingHint')}
            </Text>
            <TextInput
              label={t('tasks.fields.title')}
              maxLength={1000}
              value={title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
              }}
            />
            <Switch
              label={t('tasks.fields.public')}
              checked={isPublic}
              onChange={(event) => {
                setPublic(event.currentTarget.checked);
              }}
            />
          </Stack>
        </ActionDialog>
      )}
    </>
  );
}
