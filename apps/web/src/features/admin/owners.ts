import type { Certificate } from '@vanban/contracts';
import type { SignatureImage } from './signatureQueries';

/** A person or an agency with their certificates and signature images / seals. */
export interface OwnerGroup {
  key: string;
  kind: 'user' | 'agency';
  id: string;
  /** Null when neither a certificate nor the session names the owner. */
  name: string | null;
  certificates: Certificate[];
  images: SignatureImage[];
}

/**
 * Certificates and images grouped by owner: agencies first, then people, each by name; within a
 * group, active certificates first, then the one that lasts longest. Image owners carry no name
 * in the contract: `names` (user or agency id → name) fills them in.
 */
export function groupByOwner(
  certificates: readonly Certificate[],
  images: readonly SignatureImage[],
  names: ReadonlyMap<string, string> = new Map(),
): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  const groupOf = (kind: 'user' | 'agency', id: string, name: string | null) => {
    const key = `${kind}:${id}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, kind, id, name, certificates: [], images: [] };
      groups.set(key, group);
    }
    group.name ??= name;
    return group;
  };
  for (const certificate of certificates) {
    groupOf(certificate.owner.kind, certificate.owner.id, certificate.owner.name).certificates.push(
      certificate,
    );
  }
  for (const image of images) {
    groupOf(image.owner.kind, image.owner.id, names.get(image.owner.id) ?? null).images.push(image);
  }
  for (const group of groups.values()) {
    group.certificates.sort(
      (a, b) => Number(b.active) - Number(a.active) || b.validTo.localeCompare(a.validTo),
    );
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.kind === 'user') - Number(b.kind === 'user') ||
      (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'vi'),
  );
}

/** `CN=Nguyễn Văn An, O=…` → `Nguyễn Văn An`; the whole subject when it has no CN. */
export function commonName(subject: string): string {
  const match = /(?:^|[,/]\s*)CN=((?:\\.|[^,/\\])+)/.exec(subject);
  return match?.[1]?.replace(/\\(.)/g, '$1').trim() ?? subject;
}
