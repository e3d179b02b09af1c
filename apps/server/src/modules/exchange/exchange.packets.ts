import { Readable } from 'node:stream';
import { signPacketWith, verifyPacketSignature } from '@vanban/edxml';
import { sql } from 'drizzle-orm';
import type { AppDependencies } from '../../app/dependencies.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { readAll, type FileStorage } from '../../platform/storage/storage.js';
import { loadSigner, trustAnchors } from '../signatures/index.js';
import { packetSignatureVerdict, type PacketSignatureVerdict } from './exchange.models.js';

export type Log = (message: string, error?: unknown) => void;
export type ExchangeDeps = Pick<
  AppDependencies,
  'db' | 'storage' | 'clock' | 'secretBox' | 'config'
>;

export interface SignedPacket {
  bytes: Buffer;
  signature: 'signed' | 'unsigned';
  certificateId: string | null;
  unsignedReason: string | null;
}

/**
 * Signs packets with the sending agency's active certificate (QCVN 102 §1.7; standards.md
 * recommends a real XML-DSig even though receivers must not depend on it). The key never leaves
 * the Signer. No usable certificate (none on file, expired, unreadable) does not block the
 * exchange: the packet goes unsigned, and the reason is recorded and logged. One per round: each
 * agency's key is opened once (opening a PKCS#12 file costs far more than a signature).
 */
export function agencySigner(
  deps: Pick<ExchangeDeps, 'db' | 'secretBox'>,
  now: Date,
  log: Log,
): (agencyId: string, packet: Buffer) => Promise<SignedPacket> {
  const keys = new Map<string, ReturnType<typeof loadSigner>>();
  return async (agencyId, packet) => {
    try {
      let key = keys.get(agencyId);
      if (!key) {
        key = loadSigner(deps.db, deps.secretBox, { kind: 'agency', agencyId }, now);
        keys.set(agencyId, key);
      }
      const { signer, certificateId } = await key;
      const [certificate, ...chain] = signer.certificateChain();
      const signed = await signPacketWith(packet, {
        certificate: certificate!,
        chain,
        sign: (data) => signer.sign(data),
      });
      return {
        bytes: Buffer.from(signed, 'utf8'),
        signature: 'signed',
        certificateId,
        unsignedReason: null,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`exchange packet of agency ${agencyId} sent without an XML signature: ${reason}`);
      return { bytes: packet, signature: 'unsigned', certificateId: null, unsignedReason: reason };
    }
  };
}

/** Puts the bytes in file storage (content-addressed) before any row points at them. */
export async function storePacketBytes(storage: FileStorage, bytes: Buffer) {
  return storage.put(Readable.from([bytes]));
}

export async function readPacketBytes(storage: FileStorage, sha256: string): Promise<Buffer> {
  return readAll(await storage.open(sha256));
}

/** The row recording a packet built for the hub (see `exchange_sent`). */
export async function insertSentPacket(
  tx: Db,
  row: {
    kind: 'document' | 'status';
    outboxId?: string;
    receivedId?: string;
    statusCode?: string;
    sha256: string;
    size: number;
    signed: SignedPacket;
    builtAt: Date;
  },
): Promise<string | null> {
  const id = newId();
  const [inserted] = await queryRows<{ id: string }>(
    tx,
    sql`insert into exchange_sent (id, kind, outbox_id, received_id, status_code, packet_sha256,
          size, signature, certificate_id, unsigned_reason, built_at)
        values (${id}, ${row.kind}, ${row.outboxId ?? null}, ${row.receivedId ?? null},
          ${row.statusCode ?? null}, ${row.sha256}, ${row.size}, ${row.signed.signature},
          ${row.signed.certificateId}, ${row.signed.unsignedReason}, ${row.builtAt.toISOString()})
        on conflict do nothing returning id`,
  );
  return inserted?.id ?? null;
}

export async function markPacketSent(tx: Db, id: string, hubDocId: string, at: Date) {
  await tx.execute(sql`update exchange_sent set sent_at = coalesce(sent_at, ${at.toISOString()}),
    hub_doc_id = ${hubDocId} where id = ${id}`);
}

/**
 * Checks a received packet's XML signature against this instance's trust anchors (the
 * `VANBAN_TRUST_ANCHORS` file and the stored ones). Never throws and never refuses: §1.7.
 */
export function packetVerifier(deps: Pick<ExchangeDeps, 'db' | 'config'>) {
  let anchors: Promise<string[] | null> | null = null;
  return async (bytes: Uint8Array): Promise<PacketSignatureVerdict> => {
    // An unreadable trust list is a local problem: the packet is then judged untrusted at best.
    anchors ??= trustAnchors(deps.db, deps.config.signing.trustAnchorFile).catch(() => null);
    const list = await anchors;
    try {
      return packetSignatureVerdict(
        verifyPacketSignature(bytes, list ? { trustedCertificatesPem: list } : {}),
      );
    } catch {
      return packetSignatureVerdict(verifyPacketSignature(bytes));
    }
  };
}
