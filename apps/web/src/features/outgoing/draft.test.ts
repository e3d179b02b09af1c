import { describe, expect, it } from 'vitest';
import { createBody, emptyDraft, updateBody, validateDraft } from './draft';
import type { DraftValues } from './draft';

const filled: DraftValues = {
  ...emptyDraft,
  docType: 'CV',
  subject: '  Về việc trả lời kiến nghị  ',
  signerId: '0190a3c4-0000-7000-8000-000000000001',
  recipients: {
    agencies: [{ code: '000.00.01.H26', name: 'Văn phòng UBND thành phố' }],
    unitIds: [],
    text: 'Lưu: VT, TCBC.',
  },
  answers: [{ id: '0190a3c4-0000-7000-8000-000000000009', reference: '12/UBND-VX', subject: 'x' }],
};
const pdf = { files: [{ mediaType: 'application/pdf' }], uploading: false };

describe('validateDraft', () => {
  it('asks for type, subject and signer', () => {
    expect(validateDraft(emptyDraft, pdf).fields).toEqual({
      docType: 'forms.required',
      subject: 'forms.required',
      signerId: 'forms.required',
    });
  });

  it('wants a main PDF when uploading, or text when composing', () => {
    expect(validateDraft(filled, { files: [], uploading: false }).fields).toEqual({
      fileIds: 'outgoing.draft.mainRequired',
    });
    expect(
      validateDraft(filled, {
        files: [
          { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        ],
        uploading: false,
      }).fields,
    ).toEqual({ fileIds: 'outgoing.errors.mainNotPdf' });
    expect(validateDraft({ ...filled, mode: 'compose', body: ' \n ' }, pdf).fields).toEqual({
      compose: 'forms.required',
    });
    expect(validateDraft(filled, pdf).fields).toEqual({});
  });

  it('does not check files when editing (they change through a new version)', () => {
    expect(validateDraft(filled, null).fields).toEqual({});
  });
});

describe('bodies', () => {
  it('creates with files, the main one first', () => {
    expect(createBody(filled, ['f1', 'f2'])).toEqual({
      docType: 'CV',
      subject: 'Về việc trả lời kiến nghị',
      urgency: 'normal',
      secrecy: 'normal',
      signerId: '0190a3c4-0000-7000-8000-000000000001',
      recipients: [{ agencyCode: '000.00.01.H26' }, { name: 'Lưu: VT, TCBC.' }],
      answers: ['0190a3c4-0000-7000-8000-000000000009'],
      fileIds: ['f1', 'f2'],
    });
  });

  it('creates from composed text, uploads as attachments', () => {
    const body = createBody(
      {
        ...filled,
        mode: 'compose',
        body: 'Đoạn 1\n\nĐoạn 2',
        authority: 'KT. GIÁM ĐỐC',
        notationUnit: ' TCBC ',
      },
      ['a1'],
    );
    expect(body.compose).toEqual({ body: ['Đoạn 1', 'Đoạn 2'], authority: 'KT. GIÁM ĐỐC' });
    expect(body.fileIds).toEqual(['a1']);
    expect(body.notationUnit).toBe('TCBC');
  });

  it('updates the metadata only', () => {
    const body = updateBody(filled);
    expect(body).not.toHaveProperty('fileIds');
    expect(body.subject).toBe('Về việc trả lời kiến nghị');
  });
});
