import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

describe('outgoing messages', () => {
  it('are in both languages', () => {
    expect(vi.outgoing.views.to_sign).toBe('Chờ ký');
    expect(en.outgoing.views.to_sign).toBe('To sign');
  });

  it('write the Decree 30 terms with their diacritics', () => {
    expect(vi.nav.outgoing).toBe('Văn bản đi');
    expect(vi.outgoing.states.draft).toBe('Dự thảo');
    expect(vi.outgoing.actions.submit).toBe('Trình duyệt');
    expect(vi.outgoing.actions.sign).toBe('Ký số');
    expect(vi.outgoing.actions.number).toBe('Cấp số');
    expect(vi.outgoing.actions.seal).toBe('Ký số cơ quan');
    expect(vi.outgoing.actions.issue).toBe('Phát hành');
    expect(vi.outgoing.actions.revoke).toBe('Thu hồi');
    expect(vi.outgoing.actions.replace).toBe('Thay thế');
    expect(vi.outgoing.fields.recipients).toBe('Nơi nhận');
    expect(vi.outgoing.fields.subject).toBe('Trích yếu');
    expect(vi.outgoing.fields.signer).toBe('Người ký');
  });
});
