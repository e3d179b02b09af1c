/**
 * English names of the document types (Decree 30/2020 Art. 7; legal types of the Law on
 * Promulgation of Legal Documents). The server gives the Vietnamese names; in English the UI shows
 * the English one with the official Vietnamese in brackets, which is what officials search for.
 */
export const englishDocTypeNames: Record<string, string> = {
  resolution: 'Resolution',
  decision: 'Decision',
  directive: 'Directive',
  regulation: 'Regulation',
  rule: 'Rules',
  communique: 'Communiqué',
  notice: 'Notice',
  guidance: 'Guidance',
  programme: 'Programme',
  plan: 'Plan',
  scheme: 'Scheme',
  proposal: 'Proposal',
  project: 'Project',
  report: 'Report',
  minutes: 'Minutes',
  submission: 'Submission',
  contract: 'Contract',
  official_letter: 'Official letter',
  official_telegram: 'Official telegram',
  memorandum_of_understanding: 'Memorandum of understanding',
  agreement: 'Agreement',
  power_of_attorney: 'Power of attorney',
  invitation: 'Invitation',
  letter_of_introduction: 'Letter of introduction',
  leave_permit: 'Leave permit',
  dispatch_slip: 'Dispatch slip',
  transfer_slip: 'Transfer slip',
  notification_slip: 'Notification slip',
  public_letter: 'Public letter',
  constitution: 'Constitution',
  law: 'Law',
  ordinance: 'Ordinance',
  order: 'Order',
  legal_resolution: 'Resolution (legal)',
  joint_resolution: 'Joint resolution',
  decree: 'Decree',
  legal_decision: 'Decision (legal)',
  circular: 'Circular',
  joint_circular: 'Joint circular',
  legal_directive: 'Directive (legal)',
  legal_code: 'Code',
  special_zone_legal_document: 'Legal document of a special administrative-economic unit',
};

/** "Quyết định" in Vietnamese; "Decision (Quyết định)" in English. */
export function docTypeLabel(code: string, vietnameseName: string, language: string): string {
  const english = englishDocTypeNames[code];
  return language.startsWith('vi') || !english ? vietnameseName : `${english} (${vietnameseName})`;
}
