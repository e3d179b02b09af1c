export {
  allocateNumber,
  findRegister,
  type RegisterScope,
  type RegisterSeries,
} from './registers.repository.js';
export {
  buildIncomingRegisterPdf,
  buildIncomingRegisterXlsx,
  writeIncomingRegisterXlsx,
  type IncomingRegisterRow,
  type RegisterReportMeta,
  type RegisterRows,
} from './registers.export.js';
export {
  buildOutgoingRegisterPdf,
  buildOutgoingRegisterXlsx,
  writeOutgoingRegisterXlsx,
  type OutgoingRegisterRow,
  type OutgoingRegisterRows,
} from './registers.outgoing-export.js';
export { registerAgencyNames } from './registers.heading.js';
export { formatVnDate } from './registers.export.models.js';
