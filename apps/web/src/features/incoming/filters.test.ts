import { describe, expect, it } from 'vitest';
import { activeFilterCount, readListSearch, writeListSearch } from './filters';

describe('list filters in the address', () => {
  it('reads valid values and drops the rest', () => {
    const search = readListSearch(
      new URLSearchParams(
        'sort=due&from=2026-03-01&to=03/2026&urgency=flash&state=nope&docType=decision',
      ),
    );
    expect(search).toEqual({
      sort: 'due',
      from: '2026-03-01',
      to: undefined,
      docType: 'decision',
      urgency: 'flash',
      state: undefined,
    });
    expect(activeFilterCount(search)).toBe(3);
  });

  it('writes only what differs from the defaults', () => {
    expect(writeListSearch({ sort: 'urgency' }).toString()).toBe('');
    expect(writeListSearch({ sort: 'oldest', state: 'assigned' }).toString()).toBe(
      'sort=oldest&state=assigned',
    );
  });
});
