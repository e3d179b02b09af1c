import { parseReference } from '@vanban/edxml/notation';
import type { ReferenceProblem } from '@vanban/edxml/notation';

export type ReferenceCheck =
  | { state: 'empty' }
  | {
      state: 'valid';
      number: number;
      year: number | undefined;
      notation: string;
      typeAbbreviation: string | undefined;
      issuer: string;
    }
  | { state: 'invalid'; problem: ReferenceProblem };

/**
 * Checks số/ký hiệu as the clerk types, with the same parser as the server
 * (`@vanban/edxml`): `12/UBND-VX`, `24/2025/QĐ-UBND`. The latest plausible year is this year.
 */
export function checkReference(input: string, today: Date = new Date()): ReferenceCheck {
  if (input.trim() === '') {
    return { state: 'empty' };
  }
  const result = parseReference(input, { maxYear: today.getFullYear() });
  if (!result.ok) {
    return { state: 'invalid', problem: result.reason };
  }
  return {
    state: 'valid',
    number: result.value.number,
    year: result.value.year,
    notation: result.value.notation,
    typeAbbreviation: result.value.typeAbbreviation,
    issuer: result.value.issuerAbbreviation,
  };
}

/**
 * The document type the notation suggests: its type abbreviation (`QĐ` → decision; with a year
 * group, the legal normative type of that abbreviation), or công văn when the notation starts
 * with the issuer (`12/UBND-VX`). Undefined when nothing fits.
 */
export function suggestDocType<
  T extends { code: string; abbreviation: string | null; legal: boolean },
>(types: readonly T[], check: ReferenceCheck): T | undefined {
  if (check.state !== 'valid') return undefined;
  const legal = check.year !== undefined;
  if (check.typeAbbreviation === undefined) {
    return legal ? undefined : types.find((type) => type.code === 'official_letter');
  }
  const wanted = check.typeAbbreviation.normalize('NFC');
  const matching = types.filter((type) => type.abbreviation?.normalize('NFC') === wanted);
  return matching.find((type) => type.legal === legal) ?? matching[0];
}
