/** Throwaway test PKI made with the openssl CLI at test time (never committed keys). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  caCertPem: string;
  agencyKeyPem: string;
  agencyCertPem: string;
  otherKeyPem: string;
  otherCertPem: string;
  dir: string;
  cleanup(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'edxml-pki-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/C=VN/O=Test CA/CN=Vanban Test Root',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'agency.key',
      '-out',
      'agency.csr',
      '-subj',
      '/C=VN/O=UBND thành phố Hà Nội/CN=Văn thư UBND thành phố',
      '-utf8',
    ],
    dir,
  );
  writeFileSync(join(dir, 'ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\n');
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'agency.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'agency.pem',
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'other.key',
      '-out',
      'other.pem',
      '-days',
      '2',
      '-subj',
      '/C=VN/O=Other/CN=Someone else',
    ],
    dir,
  );
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  return {
    caCertPem: read('ca.pem'),
    agencyKeyPem: read('agency.key'),
    agencyCertPem: read('agency.pem'),
    otherKeyPem: read('other.key'),
    otherCertPem: read('other.pem'),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
