import { incomingStateValues, urgencyValues } from '@vanban/contracts';
import type { IncomingState, Urgency } from '@vanban/contracts';
import { incomingSortValues } from './queries';
import type { IncomingSort, ListFilters } from './queries';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export interface ListSearch extends ListFilters {
  sort: IncomingSort;
}

/** Filters and sort kept in the address (`?sort=due&urgency=flash`), so a list can be shared. */
export function readListSearch(params: URLSearchParams): ListSearch {
  const pick = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
    values.find((value) => value === raw);
  const date = (raw: string | null) => (raw && isoDate.test(raw) ? raw : undefined);
  const docType = params.get('docType')?.trim();
  return {
    sort: pick(incomingSortValues, params.get('sort')) ?? 'urgency',
    from: date(params.get('from')),
    to: date(params.get('to')),
    docType: docType ? docType : undefined,
    urgency: pick<Urgency>(urgencyValues, params.get('urgency')),
    state: pick<IncomingState>(incomingStateValues, params.get('state')),
  };
}

export function writeListSearch(search: ListSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.sort !== 'urgency') params.set('sort', search.sort);
  for (const key of ['from', 'to', 'docType', 'urgency', 'state'] as const) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function activeFilterCount(search: ListFilters): number {
  return (['from', 'to', 'docType', 'urgency', 'state'] as const).filter((key) => search[key])
    .length;
}
