/**
 * Run in a child process with --expose-gc (see large-packet.test.ts): builds a packet around one
 * large attachment, parses it and decodes the attachment, and prints memory deltas as JSON.
 */
import { createHash, randomBytes } from 'node:crypto';
import { buildPacketBuffer } from '../packet-builder.js';
import { parsePacket } from '../packet-parser.js';
import { richDocumentSpec } from './specs.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

async function used(): Promise<number> {
  // Backing stores of freed ArrayBuffers are released after the collection; settle twice.
  for (let i = 0; i < 2; i++) {
    gc?.();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  // `external` includes ArrayBuffers and the external strings Node makes for large decodes.
  return m.heapUsed + m.external;
}

const attachmentBytes = Number(process.argv[2] ?? '0');
const start = await used();
// Held through an object so the bytes can be released before measuring the parse.
const holder: { data?: Buffer } = { data: randomBytes(attachmentBytes) };
const expectedSha = createHash('sha256')
  .update(holder.data ?? '')
  .digest('hex');
const spec = richDocumentSpec();
spec.attachments = [
  { name: 'Hồ sơ lớn.pdf', data: holder.data ?? Buffer.alloc(0), contentType: 'application/pdf' },
];
// The packet as it arrives from disk or the network: UTF-8 bytes.
const xml = buildPacketBuffer(spec, { zipPolicy: 'none' });
const afterBuild = await used();
spec.attachments = [];
delete holder.data;
const baseline = await used(); // the packet text alone

const packet = parsePacket(xml);
const afterParse = await used();
if (packet.kind !== 'document') throw new Error('expected a document');
const attachment = packet.attachments[0];
if (!attachment) throw new Error('attachment missing');
const bytes = attachment.bytes();
const sha = createHash('sha256').update(bytes).digest('hex');
const afterDecode = await used();

process.stdout.write(
  JSON.stringify({
    packetLength: xml.length,
    buildDelta: afterBuild - start,
    packetAlone: baseline - start,
    parseDelta: afterParse - baseline,
    decodeDelta: afterDecode - baseline,
    totalDelta: afterDecode - start,
    decodedSize: attachment.decodedSize,
    decodedLength: bytes.length,
    shaMatches: sha === expectedSha,
  }),
);
