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
  /** An intermediate CA under the root, and an EC P-256 agency certificate it issued. */
  intermediateCertPem: string;
  ecKeyPem: string;
  ecCertPem: string;
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
  writeFileSync(
    join(dir, 'ca-ext.cnf'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'intermediate.key',
      '-out',
      'intermediate.csr',
    ].concat(['-subj', '/C=VN/O=Test CA/CN=Vanban Test Intermediate']),
    dir,
  );
  openssl(
    ['x509', '-req', '-in', 'intermediate.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key'].concat([
      '-CAcreateserial',
      '-out',
      'intermediate.pem',
      '-days',
      '2',
      '-extfile',
      'ca-ext.cnf',
    ]),
    dir,
  );
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.key'], dir);
  openssl(
    ['req', '-new', '-key', 'ec.key', '-out', 'ec.csr', '-utf8'].concat([
      '-subj',
      '/C=VN/O=Sở Nội vụ/CN=Văn thư Sở Nội vụ',
    ]),
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'ec.csr',
      '-CA',
      'intermediate.pem',
      '-CAkey',
      'intermediate.key',
    ].concat(['-CAcreateserial', '-out', 'ec.pem', '-days', '2', '-extfile', 'ext.cnf']),
    dir,
  );
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  return {
    caCertPem: read('ca.pem'),
    agencyKeyPem: read('agency.key'),
    agencyCertPem: read('agency.pem'),
    otherKeyPem: read('other.key'),
    otherCertPem: read('other.pem'),
    intermediateCertPem: read('intermediate.pem'),
    ecKeyPem: read('ec.key'),
    ecCertPem: read('ec.pem'),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
