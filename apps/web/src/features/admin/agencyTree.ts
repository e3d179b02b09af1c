import type { Agency } from '@vanban/contracts';

/** An agency as the directory stood on a date: the version then in force, or its last one if closed. */
export interface DatedAgency {
  agency: Agency;
  /** Closed (dissolved, merged, split) on or before the date. */
  closed: boolean;
}

export interface AgencyNode extends DatedAgency {
  children: AgencyNode[];
}

function inForce(agency: Agency, asOf: string): boolean {
  return agency.validFrom <= asOf && (agency.validTo === null || asOf < agency.validTo);
}

/**
 * One entry per agency for `asOf` from a list that may hold several versions of each (the API's
 * `includeClosed`): the version in force, else the last version that ended on or before the date
 * (marked closed). Agencies founded after the date are left out. Sorted by level, then code.
 */
export function versionsOn(items: readonly Agency[], asOf: string): DatedAgency[] {
  const byId = new Map<string, Agency[]>();
  for (const item of items) {
    const list = byId.get(item.id);
    if (list) list.push(item);
    else byId.set(item.id, [item]);
  }
  const result: DatedAgency[] = [];
  for (const versions of byId.values()) {
    const current = versions.find((version) => inForce(version, asOf));
    if (current) {
      result.push({ agency: current, closed: false });
      continue;
    }
    const ended = versions
      .filter((version) => version.validTo !== null && version.validTo <= asOf)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    if (ended) result.push({ agency: ended, closed: true });
  }
  return result.sort(
    (a, b) => a.agency.level - b.agency.level || a.agency.code.localeCompare(b.agency.code),
  );
}

function sortNodes(nodes: AgencyNode[]): AgencyNode[] {
  nodes.sort(
    (a, b) => Number(a.closed) - Number(b.closed) || a.agency.code.localeCompare(b.agency.code),
  );
  for (const node of nodes) sortNodes(node.children);
  return nodes;
}

/**
 * The directory as a tree by parent. An agency whose parent is not in the list (or whose parent
 * chain loops back to itself) becomes a root; open agencies come before closed ones, then by code.
 */
export function buildAgencyTree(entries: readonly DatedAgency[]): AgencyNode[] {
  const nodes = new Map<string, AgencyNode>();
  for (const entry of entries) nodes.set(entry.agency.id, { ...entry, children: [] });
  const parentOf = (id: string) => nodes.get(id)?.agency.parentId ?? null;
  const loops = (id: string): boolean => {
    const seen = new Set<string>([id]);
    for (let next = parentOf(id); next !== null && nodes.has(next); next = parentOf(next)) {
      if (seen.has(next)) return true;
      seen.add(next);
    }
    return false;
  };
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    if (parent && !loops(node.agency.id)) parent.children.push(node);
    else roots.push(node);
  }
  return sortNodes(roots);
}

/** Lower case without Vietnamese diacritics (đ → d), for matching what people type. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

export function matchesAgency(agency: Agency, query: string): boolean {
  const q = fold(query.trim());
  if (q === '') return true;
  return (
    fold(agency.name).includes(q) ||
    fold(agency.code).startsWith(q) ||
    (agency.shortName !== null && fold(agency.shortName) === q)
  );
}

/** The tree narrowed to agencies matching `query` and their ancestors (for context). */
export function filterTree(nodes: readonly AgencyNode[], query: string): AgencyNode[] {
  if (query.trim() === '') return [...nodes];
  const result: AgencyNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, query);
    if (children.length > 0 || matchesAgency(node.agency, query)) {
      result.push({ ...node, children });
    }
  }
  return result;
}

export function countNodes(nodes: readonly AgencyNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}
