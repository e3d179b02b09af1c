import type { FileStorage } from '../../platform/storage/storage.js';
import { readFileBytes } from '../files/index.js';
import { actorScope } from '../incoming/index.js';
import type { Actor } from '../identity/index.js';
import { registerAgencyNames } from '../registers/index.js';
import { buildRecordPdf } from './records.pdf.js';
import type { RecordsDeps } from './records.usecase-kit.js';
import { loadVisibleRecord, namesOf } from './records.views.usecases.js';
import { buildRecordXml } from './records.xml.js';

/**
 * Exports of a record (App. VI Part I §III.4: its documents and metadata as PDF and XML, in
 * order), for everyone who may see the record.
 */
export async function exportRecordPdf(
  deps: Pick<RecordsDeps, 'db' | 'clock'> & { storage: FileStorage },
  actor: Actor,
  id: string,
) {
  const { record, items } = await loadVisibleRecord(deps.db, actorScope(actor), id);
  const now = deps.clock.now();
  const names = await registerAgencyNames(deps.db, record.agencyId, now);
  const withBytes = [];
  for (const item of items)
    withBytes.push({
      item,
      pdfs: await Promise.all(item.pdfs.map((p) => readFileBytes(deps.storage, p.sha256))),
    });
  const pdf = await buildRecordPdf(
    {
      code: record.code,
      notation: record.notation,
      year: record.year,
      title: record.title,
      maintenance: record.maintenance,
      agencyName: names.agencyName,
      parentAgencyName: names.parentAgencyName,
      generatedAt: now,
    },
    withBytes,
  );
  return { pdf, fileName: `ho-so_${record.code}.pdf` };
}

export async function exportRecordXml(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
) {
  const { record, items } = await loadVisibleRecord(deps.db, actorScope(actor), id);
  const names = await namesOf(deps.db, [record.creatorId]);
  const xml = buildRecordXml(
    {
      organId: record.organId,
      year: record.year,
      notation: record.notation,
      title: record.title,
      maintenance: record.maintenance,
      rights: record.rights,
      creatorName: names.get(record.creatorId) ?? '',
      language: record.language,
      startDate: record.startDate,
      endDate: record.endDate,
      description: record.description,
    },
    items,
  );
  return { xml, fileName: `ho-so_${record.code}.xml` };
}
