import { uuidv7 } from 'uuidv7';

/** UUID v7: sorts by creation time, so keyset pagination and btree locality come for free. */
export function newId(): string {
  return uuidv7();
}
