import fs from 'node:fs';
import type { Command } from 'commander';
import { makeSampleIssuedPdf } from '../modules/outgoing/outgoing.sample.js';

/**
 * `vanban sample …`: sample artefacts of the demo city made without a database, to show what
 * Vanban produces and to check it with other tools (pdfsig, a PDF reader).
 */
export function registerSampleCommands(program: Command): void {
  program
    .command('sample')
    .description('Sample documents (no database needed)')
    .command('issued-pdf')
    .description(
      'Write a sample issued decision of the demo city: laid out per Decree 30, signed by the ' +
        'chairman, numbered, sealed with the agency signature (demo CA), and verified',
    )
    // A missing --out is a usage error: commander throws, main.ts exits 2.
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--ca-out <file>', 'also write the demo CA certificate (PEM), e.g. for pdfsig')
    .action(async (opts: { out: string; caOut?: string }) => {
      const sample = await makeSampleIssuedPdf();
      fs.writeFileSync(opts.out, sample.pdf);
      if (opts.caOut) fs.writeFileSync(opts.caOut, sample.caCertificatePem);
      const lines = [`Wrote ${opts.out}`, `Reference: ${sample.reference}`, 'Signatures:'];
      for (const c of sample.checks)
        lines.push(
          `  ${c.fieldName}: ${c.signer?.commonName ?? '?'}, ${c.signingTime?.toISOString() ?? '-'}` +
            `, intact=${c.intact}, pades=${c.pades}, trusted by the demo CA=${c.trusted}` +
            `${c.coversWholeDocument ? ', covers the whole document' : ''}` +
            `${c.problems.length ? `, problems: ${c.problems.join(', ')}` : ''}`,
        );
      process.stdout.write(`${lines.join('\n')}\n`);
      const bad = sample.checks.filter((c) => !c.intact || !c.trusted);
      if (sample.checks.length !== 2 || bad.length > 0)
        throw new Error(`The sample did not verify: ${sample.checks.length} signature(s)`);
    });
}
