import { createDemoCa } from '../demo-ca.js';
import { Pkcs12Signer } from '../signer.js';

/** Fixed dates so signatures made at `signingTime` are reproducible and always in validity. */
export const validity = {
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validTo: new Date('2046-01-01T00:00:00Z'),
};
/** 09:30 in Hanoi. */
export const signingTime = new Date('2026-11-21T02:30:00Z');

/** One demo CA with a person and an agency (three RSA keys, ~0.5 s): made once per test file. */
export function demoPki() {
  const ca = createDemoCa(validity);
  const person = ca.issue({
    commonName: 'Nguyễn Văn An',
    organizationalUnit: 'UBND Thành phố Hà Nội',
    locality: 'Hà Nội',
    ...validity,
  });
  const agency = ca.issue({ commonName: 'Ủy ban nhân dân Thành phố Hà Nội', ...validity });
  return {
    ca,
    person,
    agency,
    personSigner: Pkcs12Signer.fromPkcs12(person.pkcs12, person.password),
    agencySigner: Pkcs12Signer.fromPkcs12(agency.pkcs12, agency.password),
  };
}
