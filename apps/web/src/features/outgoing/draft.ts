import type {
  CreateOutgoingBody,
  OutgoingDetail,
  Secrecy,
  UpdateOutgoingBody,
  Urgency,
} from '@vanban/contracts';
import type { FormFeedback } from '../incoming/problems';
import type { DraftField } from './problems';
import {
  composeParagraphs,
  emptyRecipients,
  recipientInputs,
  recipientsFromDetail,
} from './recipients';
import type { RecipientsValue } from './recipients';

export type ContentMode = 'upload' | 'compose';

export interface AnswerRef {
  id: string;
  reference: string;
  subject: string;
}

/** What the draft form holds. */
export interface DraftValues {
  docType: string | null;
  subject: string;
  urgency: Urgency;
  secrecy: Secrecy;
  signerId: string | null;
  recipients: RecipientsValue;
  answers: AnswerRef[];
  notationUnit: string;
  notes: string;
  mode: ContentMode;
  /** Compose mode: one paragraph per line. */
  body: string;
  authority: string;
}

export const emptyDraft: DraftValues = {
  docType: null,
  subject: '',
  urgency: 'normal',
  secrecy: 'normal',
  signerId: null,
  recipients: emptyRecipients,
  answers: [],
  notationUnit: '',
  notes: '',
  mode: 'upload',
  body: '',
  authority: '',
};

/** The uploaded files as the check needs them; the first is the main document. */
export interface ContentFiles {
  files: readonly { mediaType: string }[];
  uploading: boolean;
}

/**
 * Checks with the rules of the contract before sending (the server checks again). `content`
 * is false when editing: files change through a new version, not through the form.
 */
export function validateDraft(
  values: DraftValues,
  content: ContentFiles | null,
): FormFeedback<DraftField> {
  const fields: FormFeedback<DraftField>['fields'] = {};
  if (!values.docType) fields.docType = 'forms.required';
  if (values.subject.trim() === '') fields.subject = 'forms.required';
  if (!values.signerId) fields.signerId = 'forms.required';
  if (values.notationUnit.trim().length > 20) fields.notationUnit = 'forms.tooLong';
  if (content) {
    if (values.mode === 'compose') {
      if (composeParagraphs(values.body).length === 0) fields.compose = 'forms.required';
    } else if (content.files.length === 0 && !content.uploading) {
      fields.fileIds = 'outgoing.draft.mainRequired';
    } else if (content.files[0]?.mediaType !== 'application/pdf') {
      fields.fileIds = 'outgoing.errors.mainNotPdf';
    }
  }
  return { fields };
}

function metadata(values: DraftValues) {
  const notationUnit = values.notationUnit.trim();
  const notes = values.notes.trim();
  return {
    docType: values.docType ?? '',
    subject: values.subject.trim(),
    urgency: values.urgency,
    secrecy: values.secrecy,
    signerId: values.signerId ?? '',
    recipients: recipientInputs(values.recipients),
    answers: values.answers.map((answer) => answer.id),
    ...(notationUnit ? { notationUnit } : {}),
    ...(notes ? { notes } : {}),
  };
}

export function createBody(values: DraftValues, fileIds: readonly string[]): CreateOutgoingBody {
  const authority = values.authority.trim();
  return {
    ...metadata(values),
    ...(values.mode === 'compose'
      ? {
          // The server lays out the main document; uploaded files are its attachments.
          fileIds: [...fileIds],
          compose: {
            body: composeParagraphs(values.body),
            ...(authority ? { authority } : {}),
          },
        }
      : { fileIds: [...fileIds] }),
  };
}

/** Editing sends the whole metadata (PATCH); cleared optional texts are sent empty-free. */
export function updateBody(values: DraftValues): UpdateOutgoingBody {
  return metadata(values);
}

export function valuesFromDetail(detail: OutgoingDetail): DraftValues {
  return {
    ...emptyDraft,
    docType: detail.docType,
    subject: detail.subject,
    urgency: detail.urgency,
    secrecy: detail.secrecy,
    signerId: detail.signer.id,
    recipients: recipientsFromDetail(detail.recipients),
    answers: detail.answers.map((answer) => ({ ...answer })),
    notationUnit: '',
    notes: detail.notes ?? '',
  };
}
