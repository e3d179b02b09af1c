import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDXML_ERROR_CODES, EdxmlError } from './errors.js';
import { buildPacket } from './packet-builder.js';
import { parsePacket } from './packet-parser.js';
import { validatePacket } from './packet-validator.js';
import { richDocumentSpec, statusSpec } from './test-support/specs.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../test-fixtures/${name}`, import.meta.url)), 'utf8');

const BASES = [
  buildPacket(richDocumentSpec(), { zipPolicy: 'bkav' }),
  buildPacket(statusSpec()),
  fixture('vpcp-zipped-pdf.edxml'),
  fixture('lgsp-unprefixed.edxml'),
  fixture('status-received.edxml'),
  fixture('revoke-notice.edxml'),
];

/** Leaf elements `<x>text</x>` with their spans, for deletion and duplication. */
function leaves(xml: string): [number, number][] {
  return [...xml.matchAll(/<([\w:]+)(?:\s[^>]*)?>[^<]*<\/\1>/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}

type Mutation =
  | { kind: 'flip'; at: number; ch: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'insert'; at: number; text: string };

const SPECIAL = [
  '<',
  '>',
  '/',
  '&',
  '"',
  '=',
  ':',
  'x',
  '0',
  'Đ',
  '\u0000',
  ' ',
  '<!--',
  ']]>',
  '&#0;',
  '<!DOCTYPE x>',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), ch: fc.constantFrom(...SPECIAL) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 12 }),
  }),
);

function apply(xml: string, m: Mutation): string {
  switch (m.kind) {
    case 'flip': {
      const at = m.at % xml.length;
      return xml.slice(0, at) + m.ch + xml.slice(at + 1);
    }
    case 'truncate':
      return xml.slice(0, m.at % xml.length);
    case 'insert': {
      const at = m.at % xml.length;
      return xml.slice(0, at) + m.text + xml.slice(at);
    }
    case 'delete':
    case 'duplicate': {
      const spans = leaves(xml);
      const span = spans[m.pick % spans.length];
      if (!span) return xml;
      const [a, b] = span;
      return m.kind === 'delete'
        ? xml.slice(0, a) + xml.slice(b)
        : xml.slice(0, b) + xml.slice(a, b) + xml.slice(b);
    }
  }
}

function exercise(input: string | Uint8Array): void {
  try {
    const p = parsePacket(input);
    expect(Array.isArray(p.warnings)).toBe(true);
    if (p.kind === 'document') {
      for (const a of p.attachments) {
        try {
          a.extract({ maxUncompressedBytes: 1024 * 1024 });
        } catch (e) {
          if (!(e instanceof EdxmlError)) throw e;
        }
      }
    }
  } catch (e) {
    if (!(e instanceof EdxmlError)) throw e;
    expect(EDXML_ERROR_CODES).toContain(e.code);
  }
  // The validator reports, it never throws.
  const v = validatePacket(input);
  expect(typeof v.valid).toBe('boolean');
}

describe('fuzzing the parser with mutated packets', () => {
  it('never fails with anything but EdxmlError and never hangs (3000 cases)', () => {
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (b, ms) => {
          const input = ms.reduce(apply, BASES[b] ?? '');
          const t0 = performance.now();
          exercise(input);
          slowest = Math.max(slowest, performance.now() - t0);
        },
      ),
      { numRuns: 3000 },
    );
    // A hang would show as a case taking seconds; packets here are a few KB.
    expect(slowest).toBeLessThan(2000);
  }, 120_000);

  it('survives arbitrary strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        exercise(s);
        exercise(`<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">${s}</edXML>`);
      }),
      { numRuns: 500 },
    );
  });

  it('survives mutated packets given as bytes, including invalid UTF-8', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (b, flips) => {
          const bytes = Buffer.from(BASES[b] ?? '');
          for (const f of flips) bytes[f.at % bytes.length] = f.byte;
          exercise(bytes);
        },
      ),
      { numRuns: 500 },
    );
  });
});
