import type { TaskOwnerInput } from '@vanban/contracts';

/** A progress typed by the owner: a whole number 0–100, or null when it is not one. */
export function parseProgress(text: string): number | null {
  const value = text.trim();
  if (!/^\d{1,3}$/.test(value)) return null;
  const number = Number(value);
  return number <= 100 ? number : null;
}

export type OwnerKind = 'unit' | 'agency' | 'user';

export interface OwnerChoice {
  kind: OwnerKind;
  agencyId: string | null;
  unitId: string | null;
  userId: string | null;
}

/** The owner of the request body, or null when the choice lacks what its kind needs. */
export function ownerInput(choice: OwnerChoice): TaskOwnerInput | null {
  if (choice.kind === 'agency') return choice.agencyId ? { agencyId: choice.agencyId } : null;
  if (choice.kind === 'unit') {
    if (!choice.unitId) return null;
    return choice.userId
      ? { unitId: choice.unitId, userId: choice.userId }
      : { unitId: choice.unitId };
  }
  if (!choice.userId) return null;
  return choice.unitId
    ? { unitId: choice.unitId, userId: choice.userId }
    : { userId: choice.userId };
}

/** One text line per owner: `Phòng TCBC – Sở Nội vụ (Nguyễn Văn A)`. */
export function ownerLabel(owner: {
  agency: { name: string };
  unit: { name: string } | null;
  user: { fullName: string } | null;
}): string {
  const place = owner.unit ? `${owner.unit.name} – ${owner.agency.name}` : owner.agency.name;
  return owner.user ? `${place} (${owner.user.fullName})` : place;
}
