import { errorCodes } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, clientErrorCodes } from '../../app/api';
import { fieldFeedback, registerFeedback } from './problems';

const problem = (
  status: number,
  code: string,
  extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
) => new ApiError({ status, code, title: code, ...extra });

describe('registerFeedback', () => {
  it('returns the duplicates of a 409 to confirm', () => {
    const feedback = registerFeedback(
      problem(409, errorCodes.incomingDuplicate, {
        extensions: {
          duplicates: [
            {
              id: '0190a3c4-0000-7000-8000-000000000001',
              reference: '12/UBND-VX',
              arrivalNumber: 4,
            },
          ],
        },
      }),
    );
    expect(feedback).toEqual({
      fields: {},
      duplicates: [
        { id: '0190a3c4-0000-7000-8000-000000000001', reference: '12/UBND-VX', arrivalNumber: 4 },
      ],
    });
  });

  it('puts reference problems at the field, by the parser reason', () => {
    expect(
      registerFeedback(
        problem(422, errorCodes.incomingReferenceInvalid, {
          errors: [{ path: 'body.reference', message: 'x', code: 'zero_number' }],
        }),
      ).fields,
    ).toEqual({ reference: 'incoming.reference.problems.zero_number' });
    expect(
      registerFeedback(
        problem(422, errorCodes.incomingReferenceInvalid, {
          errors: [{ path: 'body.issueDate', message: 'after today', code: 'future_date' }],
        }),
      ).fields,
    ).toEqual({ issueDate: 'incoming.errors.issueDateFuture' });
  });

  it('maps codes and paths to the other fields', () => {
    expect(
      registerFeedback(
        problem(422, errorCodes.incomingSenderUnknown, {
          errors: [{ path: 'body.sender.agencyCode', message: 'unknown code', code: 'unknown' }],
        }),
      ).fields,
    ).toEqual({ sender: 'forms.invalid' });
    expect(registerFeedback(problem(422, errorCodes.incomingDueDatePast)).fields).toEqual({
      due: 'incoming.errors.dueDatePast',
    });
    expect(
      registerFeedback(
        problem(400, errorCodes.validationFailed, {
          errors: [{ path: 'body.subject', message: 'Too small', code: 'too_small' }],
        }),
      ).fields,
    ).toEqual({ subject: 'forms.required' });
  });

  it('falls back to a form message', () => {
    expect(registerFeedback(problem(0, clientErrorCodes.network))).toEqual({
      fields: {},
      form: 'generic',
    });
    expect(registerFeedback(new Error('boom'))).toEqual({ fields: {}, form: 'generic' });
  });
});

describe('fieldFeedback', () => {
  it('uses the code field only when no path matched', () => {
    const feedback = fieldFeedback(
      problem(422, errorCodes.incomingAssigneeInvalid),
      ['userId', 'note'] as const,
      { [errorCodes.incomingAssigneeInvalid]: 'userId' },
    );
    expect(feedback).toEqual({ fields: { userId: 'incoming.errors.assigneeInvalid' } });
    expect(
      fieldFeedback(problem(409, errorCodes.incomingInvalidTransition), ['note'] as const).form,
    ).toBe('incoming.errors.invalidTransition');
  });
});
