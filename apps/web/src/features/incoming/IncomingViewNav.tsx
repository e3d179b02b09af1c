import { Badge, Button, Group, ScrollArea } from '@mantine/core';
import type { IncomingView } from '@vanban/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { viewPath, viewSlug, visibleViews } from './model';
import { useIncomingCounts } from './queries';

/** Links to the inboxes with their counts; overdue in red. Scrolls sideways on a phone. */
export function IncomingViewNav({ current }: { current?: IncomingView }) {
  const { t } = useTranslation();
  const me = useSession();
  const counts = useIncomingCounts();
  const views = visibleViews(userRoles(me), counts.data);
  const activeRef = useRef<HTMLAnchorElement>(null);

  // On a phone the current view may be off to the right: bring it into sight.
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current, counts.data]);

  return (
    <nav aria-label={t('incoming.viewsLabel')}>
      <ScrollArea type="auto" offsetScrollbars scrollbarSize={6}>
        <Group gap={6} wrap="nowrap" pb={4}>
          {views.map((view) => {
            const active = view === current;
            const count = counts.data?.[view];
            const alarm = view === 'overdue' && (count ?? 0) > 0;
            return (
              <Button
                key={view}
                ref={active ? activeRef : undefined}
                component={Link}
                to={viewPath(view)}
                variant={active ? 'filled' : 'default'}
                color={alarm && !active ? 'red' : undefined}
                size="sm"
                radius="xl"
                aria-current={active ? 'page' : undefined}
                data-testid={`view-${viewSlug(view)}`}
                rightSection={
                  count !== undefined ? (
                    <Badge
                      size="sm"
                      variant={active ? 'white' : 'light'}
                      color={alarm ? 'red' : 'gray'}
                      data-testid={`view-count-${viewSlug(view)}`}
                    >
                      {count}
                    </Badge>
                  ) : undefined
                }
                style={{ flexShrink: 0 }}
              >
                {t(`incoming.views.${view}`)}
              </Button>
            );
          })}
        </Group>
      </ScrollArea>
    </nav>
  );
}
