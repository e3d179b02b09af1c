/**
 * `vanban-edxml` command line: parse, extract, build, validate and verify edXML packets.
 * Exit codes: 0 ok, 1 invalid packet, 2 usage error or unreadable file.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isEdxmlError } from '../errors.js';
import { safeFileName, uniqueFileName } from '../file-names.js';
import { buildPacketBuffer } from '../packet-builder.js';
import { packetToJson } from '../packet-json.js';
import { parsePacket } from '../packet-parser.js';
import { validatePacket } from '../packet-validator.js';
import { specFromJson } from '../spec-json.js';
import { signPacket, verifyPacketSignature } from '../xml-signature.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** Thrown inside actions to leave with a given exit code. */
class Exit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new Exit(
      EXIT_USAGE,
      `Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function readText(file: string): string {
  return readInput(file).toString('utf8');
}

function parseLimit(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Exit(EXIT_USAGE, `Not a size in MB: ${value}`);
  return Math.floor(mb * 1024 * 1024);
}

function buildProgram(io: CliIo): Command {
  const program = new Command('vanban-edxml')
    .description(
      'Read, write and check edXML packets (QCVN 102:2016) for Vietnamese document exchange',
    )
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('parse')
    .description(
      'print the packet as JSON (ISO dates, attachments with size and SHA-256, warnings)',
    )
    .argument('<file>', '.edxml packet')
    .option('--max-mb <mb>', 'largest attachment accepted, in MB', '200')
    .action((file: string, opts: { maxMb: string }) => {
      const limit = parseLimit(opts.maxMb);
      const packet = parsePacket(readInput(file), { maxAttachmentBytes: limit });
      io.stdout(
        `${JSON.stringify(packetToJson(packet, { maxUncompressedBytes: limit }), null, 2)}\n`,
      );
    });

  program
    .command('extract')
    .description('write each attachment into a directory (zip-wrapped single files are unzipped)')
    .argument('<file>', '.edxml packet')
    .requiredOption('--out <dir>', 'output directory')
    .option('--max-mb <mb>', 'largest attachment or unzipped file accepted, in MB', '200')
    .action((file: string, opts: { out: string; maxMb: string }) => {
      const limit = parseLimit(opts.maxMb);
      const packet = parsePacket(readInput(file), { maxAttachmentBytes: limit });
      if (packet.kind !== 'document')
        throw new Exit(EXIT_INVALID, 'A status packet has no attachments');
      const outDir = resolve(opts.out);
      try {
        mkdirSync(outDir, { recursive: true });
      } catch (e) {
        throw new Exit(
          EXIT_USAGE,
          `Cannot create ${outDir}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      // Never overwrite: names already in the directory count as taken.
      const taken = new Set(readdirSync(outDir).map((n) => n.toLowerCase()));
      const written: { name: string; path: string; size: number; unzipped: boolean }[] = [];
      packet.attachments.forEach((a, i) => {
        const f = a.extract({ maxUncompressedBytes: limit });
        for (const w of f.warnings) io.stderr(`warning: ${w}\n`);
        const name = uniqueFileName(safeFileName(f.name, `attachment-${i + 1}`), taken);
        const path = join(outDir, name);
        writeFileSync(path, f.data, { flag: 'wx' });
        written.push({ name, path, size: f.data.length, unzipped: f.unzipped });
      });
      for (const w of packet.warnings) io.stderr(`warning: ${w}\n`);
      io.stdout(`${JSON.stringify({ written }, null, 2)}\n`);
    });

  program
    .command('build')
    .description('build a packet from a JSON spec (attachments by path, relative to the spec)')
    .argument('<spec>', 'JSON spec file')
    .requiredOption('--out <file>', 'output .edxml file')
    .option('--key <pem>', 'agency private key (PEM) to sign the packet with')
    .option('--cert <pem>', 'agency certificate (PEM) for the signature')
    .action((specFile: string, opts: { out: string; key?: string; cert?: string }) => {
      let json: unknown;
      try {
        json = JSON.parse(readText(specFile));
      } catch (e) {
        if (e instanceof Exit) throw e;
        throw new Exit(EXIT_USAGE, `${specFile} is not valid JSON`);
      }
      if ((opts.key === undefined) !== (opts.cert === undefined)) {
        throw new Exit(EXIT_USAGE, '--key and --cert go together');
      }
      let xml: string | Buffer;
      try {
        const { spec, options } = specFromJson(json, dirname(resolve(specFile)));
        xml = buildPacketBuffer(spec, options);
        if (opts.key !== undefined && opts.cert !== undefined) {
          xml = signPacket(xml, {
            privateKeyPem: readText(opts.key),
            certificatePem: readText(opts.cert),
          });
        }
      } catch (e) {
        // A spec that cannot become a packet is a usage error, not an invalid packet.
        if (isEdxmlError(e)) throw new Exit(EXIT_USAGE, `${e.code}: ${e.message}`);
        throw e;
      }
      try {
        writeFileSync(opts.out, xml);
      } catch (e) {
        throw new Exit(
          EXIT_USAGE,
          `Cannot write ${opts.out}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      io.stdout(`${opts.out}\n`);
    });

  program
    .command('validate')
    .description('check the packet against QCVN 102:2016; exit 1 with the list of problems')
    .argument('<file>', '.edxml packet')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const result = validatePacket(readInput(file));
      if (opts.json) {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        for (const p of result.problems) io.stdout(`${p.severity}: [${p.code}] ${p.message}\n`);
        io.stdout(result.valid ? `valid ${result.kind ?? ''} packet\n` : 'invalid packet\n');
      }
      if (!result.valid) throw new Exit(EXIT_INVALID, '');
    });

  program
    .command('verify')
    .description('verify the XML signature of the packet')
    .argument('<file>', '.edxml packet')
    .option('--trusted <pem>', 'PEM file of trusted certificates')
    .action((file: string, opts: { trusted?: string }) => {
      const trusted = opts.trusted !== undefined ? readText(opts.trusted) : undefined;
      const check = verifyPacketSignature(
        readInput(file),
        trusted !== undefined ? { trustedCertificatesPem: trusted } : {},
      );
      io.stdout(`${JSON.stringify(check, null, 2)}\n`);
      if (!check.valid) throw new Exit(EXIT_INVALID, '');
    });

  return program;
}

/** Runs the CLI and resolves to its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof Exit) {
      if (e.message) io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version are successful exits; everything else commander reports is usage.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isEdxmlError(e)) {
      io.stderr(`${e.code}: ${e.message}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}
