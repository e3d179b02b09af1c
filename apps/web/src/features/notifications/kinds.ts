import { notificationKindKey } from '../incoming/model';

/**
 * Notification kinds the bell has a label for (`notifications.kinds.<kind with _>`): documents,
 * deadline reminders (`reminder.*`), work records, the weekly schedule and tasks. Any other kind
 * shows as a plain "notification".
 */
const kindKeys = new Set([
  'incoming_received',
  'incoming_to_direct',
  'incoming_assigned_lead',
  'incoming_assigned_co_handler',
  'incoming_assigned_for_information',
  'incoming_co_handler_reported',
  'incoming_assignment_returned',
  'incoming_extension_requested',
  'incoming_extension_decided',
  'incoming_completed',
  'incoming_revoked',
  'incoming_corrected',
  'outgoing_to_review',
  'outgoing_returned',
  'outgoing_to_sign',
  'outgoing_to_number',
  'outgoing_issued',
  'outgoing_delivered_to_unit',
  'reminder_before',
  'reminder_due',
  'reminder_overdue',
  'reminder_escalation',
  'records_archive_due',
  'records_archived',
  'schedule_week_published',
  'task_assigned',
  'task_completed',
  'task_cancelled',
  'task_due_date_changed',
  'task_progress_reported',
]);

export function kindLabelKey(kind: string) {
  const key = notificationKindKey(kind);
  return `notifications.kinds.${kindKeys.has(key) ? key : 'other'}` as 'notifications.kinds.other';
}
