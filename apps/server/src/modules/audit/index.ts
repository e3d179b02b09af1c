export { recordAuditEvent, verifyAuditChains, listAuditEvents } from './audit.repository.js';
export type { AuditActor, AuditEventInput, AuditProblem } from './audit.repository.js';
export { presentAuditEvent } from './audit.presenters.js';
