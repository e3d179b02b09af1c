import { parsePacket, signPacket, verifyPacketSignature } from '@vanban/edxml';
import type { Measured, Scenario } from './measure.js';
import { DocumentPackets, HANOI, packetSigner, type PacketSigner } from './packets.js';

/** This process, for benchmarks that run in it: CPU from `process.cpuUsage`, RSS sampled. */
export class ThisProcess implements Measured {
  private windowPeak = 0;
  private readonly timer = setInterval(() => this.sample(), 100);

  constructor() {
    this.timer.unref();
  }

  private sample(): void {
    this.windowPeak = Math.max(this.windowPeak, process.memoryUsage.rss() / 2 ** 20);
  }

  cpuMs(): number {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }

  takeWindowPeak(): number {
    this.sample();
    const peak = this.windowPeak;
    this.windowPeak = 0;
    return Math.round(peak);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const NO_RAW =
  'none: an in-process CPU benchmark of @vanban/edxml (no database); one client, as the work is synchronous on one core';

/**
 * edXML micro benchmarks, in this process on one core: build + sign a 370 KB document packet
 * (builder, then enveloped XML-DSig RSA-SHA256 with exclusive c14n) and parse + verify it (the
 * full parse with its checks, then the signature against the demo CA). An operation that does
 * not verify counts as an error.
 */
export function edxmlScenarios(): Scenario[] {
  const self = new ThisProcess();
  const measured = { process: self, name: 'benchmark process' as const };
  const levels = [{ clients: 1, thinkMs: 0 }];
  let state: { packets: DocumentPackets; signer: PacketSigner; signed: string } | null = null;
  const prepare = async () => {
    if (state) return;
    const packets = new DocumentPackets();
    const signer = packetSigner(HANOI.name);
    const signed = signPacket(packets.build(1), signer);
    state = { packets, signer, signed };
  };
  const ready = () => {
    if (!state) throw new Error('edXML benchmark not prepared');
    return state;
  };
  let n = 1;
  return [
    {
      id: 'edxml_build_sign',
      title: 'edXML: build + sign a 370 KB packet',
      target: {},
      raw: NO_RAW,
      levels,
      measured,
      prepare,
      apiOp: async () => {
        const s = ready();
        signPacket(s.packets.build(++n), s.signer);
      },
    },
    {
      id: 'edxml_parse_verify',
      title: 'edXML: parse + verify a 370 KB packet',
      target: {},
      raw: NO_RAW,
      levels,
      measured,
      prepare,
      apiOp: async () => {
        const s = ready();
        const packet = parsePacket(s.signed);
        if (packet.kind !== 'document' || packet.attachments.length !== 1)
          throw new Error('the packet did not parse back');
        const check = verifyPacketSignature(s.signed, { trustedCertificatesPem: s.signer.caPem });
        if (!check.valid || !check.trusted) throw new Error(`signature ${check.reason}`);
      },
      close: async () => self.stop(),
    },
  ];
}
