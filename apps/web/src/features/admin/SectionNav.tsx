import { Button, Group, ScrollArea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';

export interface SectionLink {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  testId: string;
}

/** A row of links between the pages of an area; wraps on wide screens, scrolls sideways on phones. */
export function SectionNav({ label, links }: { label: string; links: readonly SectionLink[] }) {
  const { pathname } = useLocation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const buttons = (
    <Group gap={6} wrap={wide ? 'wrap' : 'nowrap'} pb={4}>
      {links.map((link) => {
        const active = pathname === link.to || pathname.startsWith(`${link.to}/`);
        const Icon = link.icon;
        return (
          <Button
            key={link.to}
            component={Link}
            to={link.to}
            variant={active ? 'light' : 'subtle'}
            color={active ? 'blue' : 'gray'}
            size="sm"
            leftSection={<Icon size={16} aria-hidden="true" />}
            aria-current={active ? 'page' : undefined}
            data-testid={link.testId}
            style={{ flexShrink: 0 }}
          >
            {link.label}
          </Button>
        );
      })}
    </Group>
  );
  return (
    <nav aria-label={label}>
      {wide ? (
        buttons
      ) : (
        <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
          {buttons}
        </ScrollArea>
      )}
    </nav>
  );
}
