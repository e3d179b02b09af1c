import { Badge, Button, Group, ScrollArea } from '@mantine/core';
import type { OutgoingView } from '@vanban/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { viewPath, viewSlug, visibleViews, workViews } from './model';
import { useOutgoingCounts } from './queries';

/** Links to the lists with their counts; work waiting is highlighted. Scrolls sideways on a phone. */
export function OutgoingViewNav({ current }: { current?: OutgoingView }) {
  const { t } = useTranslation();
  const me = useSession();
  const counts = useOutgoingCounts();
  const views = visibleViews(userRoles(me), counts.data);
  const activeRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current, counts.data]);

  return (
    <nav aria-label={t('outgoing.viewsLabel')}>
      <ScrollArea type="auto" offsetScrollbars scrollbarSize={6}>
        <Group gap={6} wrap="nowrap" pb={4}>
          {views.map((view) => {
            const active = view === current;
            const count = counts.data?.[view];
            const waiting = workViews.includes(view) && (count ?? 0) > 0;
            return (
              <Button
                key={view}
                ref={active ? activeRef : undefined}
                component={Link}
                to={viewPath(view)}
                variant={active ? 'filled' : 'default'}
                size="sm"
                radius="xl"
                aria-current={active ? 'page' : undefined}
                data-testid={`outgoing-view-${viewSlug(view)}`}
                rightSection={
                  count !== undefined ? (
                    <Badge
                      size="sm"
                      variant={active ? 'white' : waiting ? 'filled' : 'light'}
                      color={waiting ? 'blue' : 'gray'}
                      data-testid={`outgoing-view-count-${viewSlug(view)}`}
                    >
                      {count}
                    </Badge>
                  ) : undefined
                }
                style={{ flexShrink: 0 }}
              >
                {t(`outgoing.views.${view}`)}
              </Button>
            );
          })}
        </Group>
      </ScrollArea>
    </nav>
  );
}
