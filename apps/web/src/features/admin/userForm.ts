import type { MessageKey } from '../incoming/problems';

export type UserFormField =
  'username' | 'fullName' | 'email' | 'phone' | 'agencyId' | 'password' | 'role' | 'unitId';

/** The account rules of the contracts (`usernameSchema`, `passwordSchema`), for the messages. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]*$/;
export const passwordMinLength = 10;

/** Messages of the server's validation problems, field by field. */
export const userFieldMessages: Partial<Record<UserFormField, MessageKey>> = {
  username: 'admin.users.errors.usernameFormat',
  password: 'admin.users.errors.passwordRule',
  email: 'admin.users.errors.email',
  agencyId: 'forms.required',
};

export function passwordProblem(password: string): MessageKey | null {
  if (password.length === 0) return 'forms.required';
  return password.length < passwordMinLength ? 'admin.users.errors.passwordRule' : null;
}

/** The checks made before sending, with the same messages as the server's answers. */
export function checkUserForm(form: {
  username: string;
  fullName: string;
  email: string;
  password: string;
  agencyId: string | null;
}): Partial<Record<UserFormField, MessageKey>> {
  const problems: Partial<Record<UserFormField, MessageKey>> = {};
  const username = form.username.trim();
  if (!username) problems.username = 'forms.required';
  else if (username.length < 3 || username.length > 64 || !usernamePattern.test(username)) {
    problems.username = 'admin.users.errors.usernameFormat';
  }
  if (!form.fullName.trim()) problems.fullName = 'forms.required';
  if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) {
    problems.email = 'admin.users.errors.email';
  }
  const password = passwordProblem(form.password);
  if (password) problems.password = password;
  if (!form.agencyId) problems.agencyId = 'forms.required';
  return problems;
}
