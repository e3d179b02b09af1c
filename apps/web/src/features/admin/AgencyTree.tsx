import { ActionIcon, Anchor, Box, Code, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgencyNode } from './agencyTree';
import { ClosedBadge, LevelBadge, SuccessorLinks } from './AgencyBadges';

interface TreeProps {
  nodes: readonly AgencyNode[];
  /** Ids of expanded agencies (ignored when `expandAll`). */
  expanded: ReadonlySet<string>;
  expandAll: boolean;
  onToggle: (id: string) => void;
  asOf: string;
}

function AgencyRow({ node, depth, ...props }: TreeProps & { node: AgencyNode; depth: number }) {
  const { t } = useTranslation();
  const { agency, closed, children } = node;
  const open = props.expandAll || props.expanded.has(agency.id);
  const groupId = `agency-children-${agency.id}`;
  return (
    <li data-testid="agency-node" data-code={agency.code} data-closed={closed}>
      <Group
        gap={6}
        wrap="nowrap"
        align="flex-start"
        py={6}
        pl={Math.min(depth, 4) * 16}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      >
        <Box w={28} style={{ flexShrink: 0 }}>
          {children.length > 0 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => {
                props.onToggle(agency.id);
              }}
              aria-expanded={open}
              aria-controls={groupId}
              aria-label={t(open ? 'admin.agencies.collapse' : 'admin.agencies.expand', {
                name: agency.name,
              })}
              disabled={props.expandAll}
            >
              {open ? (
                <IconChevronDown size={16} aria-hidden="true" />
              ) : (
                <IconChevronRight size={16} aria-hidden="true" />
              )}
            </ActionIcon>
          )}
        </Box>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Anchor
              component={Link}
              to={`/admin/agencies/${agency.id}?asOf=${props.asOf}`}
              fw={500}
              size="sm"
              c={closed ? 'dimmed' : undefined}
              td={closed ? 'line-through' : undefined}
            >
              {agency.name}
            </Anchor>
            {closed && <ClosedBadge validTo={agency.validTo} />}
          </Group>
          <Group gap={6} wrap="wrap">
            <Code data-testid="agency-code">{agency.code}</Code>
            <LevelBadge level={agency.level} />
            {children.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('admin.agencies.childCount', { count: children.length })}
              </Text>
            )}
          </Group>
          {closed && <SuccessorLinks links={agency.successors} direction="successors" />}
        </Stack>
      </Group>
      {children.length > 0 && open && (
        <ul id={groupId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {children.map((child) => (
            <AgencyRow key={child.agency.id} node={child} depth={depth + 1} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The directory as nested lists with disclosure buttons (keyboard and screen-reader friendly). */
export function AgencyTree(props: TreeProps & { label: string }) {
  const { label, ...rest } = props;
  return (
    <ul
      aria-label={label}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      data-testid="agency-tree"
    >
      {rest.nodes.map((node) => (
        <AgencyRow key={node.agency.id} node={node} depth={0} {...rest} />
      ))}
    </ul>
  );
}
