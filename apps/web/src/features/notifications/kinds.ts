import { vi } from '../../i18n/vi';
import { notificationKindKey } from '../incoming/model';

/**
 * The kinds the bell has a label for are the keys of `notifications.kinds` (every language has the
 * same keys, see en.ts): documents, deadline reminders, work records, the schedule and tasks. Any
 * other kind shows as a plain "notification".
 */
const kindKeys = new Set(Object.keys(vi.notifications.kinds));

export function kindLabelKey(kind: string) {
  const key = notificationKindKey(kind);
  return `notifications.kinds.${kindKeys.has(key) ? key : 'other'}` as 'notifications.kinds.other';
}
