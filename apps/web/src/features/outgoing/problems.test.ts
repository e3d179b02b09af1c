import { errorCodes } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, clientErrorCodes } from '../../app/api';
import { draftFeedback, outgoingCodeMessage, outgoingFeedback } from './problems';

const problem = (
  status: number,
  code: string,
  extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
) => new ApiError({ status, code, title: code, ...extra });

describe('draftFeedback', () => {
  it('puts validation problems at their fields by path', () => {
    expect(
      draftFeedback(
        problem(400, errorCodes.validationFailed, {
          errors: [
            { path: 'body.subject', message: 'Too small', code: 'too_small' },
            { path: 'body.recipients.2.agencyCode', message: 'Too big', code: 'too_big' },
            { path: 'body.signerId', message: 'Invalid UUID', code: 'invalid_format' },
          ],
        }),
      ),
    ).toEqual({
      fields: { subject: 'forms.required', recipients: 'forms.tooLong', signerId: 'forms.invalid' },
    });
  });

  it('puts a code that belongs to a field at that field, with its own message', () => {
    expect(draftFeedback(problem(422, errorCodes.outgoingSignerInvalid)).fields).toEqual({
      signerId: 'outgoing.errors.signerInvalid',
    });
    expect(
      draftFeedback(
        problem(422, errorCodes.outgoingRecipientUnknown, {
          errors: [{ path: 'body.recipients.0.agencyCode', message: 'unknown' }],
        }),
      ).fields,
    ).toEqual({ recipients: 'outgoing.errors.recipientUnknown' });
    expect(
      draftFeedback(
        problem(422, errorCodes.outgoingSignerInvalid, {
          errors: [
            { path: 'signerId', message: 'Not a signer here', code: 'outgoing.signer_invalid' },
          ],
        }),
      ).fields,
    ).toEqual({ signerId: 'outgoing.errors.signerInvalid' });
    expect(draftFeedback(problem(422, errorCodes.outgoingMainFileNotPdf)).fields).toEqual({
      fileIds: 'outgoing.errors.mainNotPdf',
    });
    expect(draftFeedback(problem(404, errorCodes.incomingNotFound)).fields).toEqual({
      answers: 'outgoing.errors.answerUnknown',
    });
  });

  it('gives a form message when no field fits', () => {
    expect(draftFeedback(problem(409, errorCodes.outgoingInvalidTransition))).toEqual({
      fields: {},
      form: 'outgoing.errors.invalidTransition',
    });
    expect(draftFeedback(problem(0, clientErrorCodes.network))).toEqual({
      fields: {},
      form: 'generic',
    });
    expect(draftFeedback(new Error('boom'))).toEqual({ fields: {}, form: 'generic' });
  });
});

describe('outgoingFeedback', () => {
  it('maps a dialog field (the return comment) and ignores paths of other forms', () => {
    expect(
      outgoingFeedback(
        problem(400, errorCodes.validationFailed, {
          errors: [{ path: 'body.comment', message: 'Required', code: 'too_small' }],
        }),
        ['comment'] as const,
      ),
    ).toEqual({ fields: { comment: 'forms.required' } });
    expect(
      outgoingFeedback(
        problem(400, errorCodes.validationFailed, {
          errors: [{ path: 'query.view', message: 'Invalid' }],
        }),
        ['comment'] as const,
      ),
    ).toEqual({ fields: {}, form: 'generic' });
  });
});

describe('outgoingCodeMessage', () => {
  it('knows the signing problems', () => {
    expect(outgoingCodeMessage(errorCodes.signingCertificateExpired)).toBe(
      'outgoing.errors.certificateExpired',
    );
    expect(outgoingCodeMessage(errorCodes.outgoingSecretNotNetworked)).toBe(
      'outgoing.errors.secretToHub',
    );
    expect(outgoingCodeMessage('something.else')).toBe('generic');
  });
});
