import { describe, expect, it } from 'vitest';
import { checkUserForm } from './userForm';

const valid = {
  username: 'vanthu.snv2',
  fullName: 'Nguyễn Thị Hoa',
  email: '',
  password: 'Vanban@2026!',
  agencyId: '00000000-0000-7000-8000-000000000001',
};

describe('checkUserForm', () => {
  it('accepts a complete account', () => {
    expect(checkUserForm(valid)).toEqual({});
  });

  it('names each problem with the server rule', () => {
    expect(
      checkUserForm({
        ...valid,
        username: 'Vanthu SNV',
        password: 'short',
        email: 'x@',
        agencyId: null,
      }),
    ).toEqual({
      username: 'admin.users.errors.usernameFormat',
      password: 'admin.users.errors.passwordRule',
      email: 'admin.users.errors.email',
      agencyId: 'forms.required',
    });
    expect(checkUserForm({ ...valid, username: ' ', fullName: '' })).toMatchObject({
      username: 'forms.required',
      fullName: 'forms.required',
    });
  });
});
