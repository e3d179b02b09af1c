/** QCVN 102:2016 namespace URI (standards.md §1.2). */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** XML-DSig namespace (W3C). */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
/** Prefix the VPCP side requires on envelope children (.NET XmlSerializer; standards.md §1.1). */
export const EDXML_PREFIX = 'edXML';

/** QCVN 102 §1.3: MessageHeader children of a document packet in the numbering 1.1 → 1.14. */
export const DOCUMENT_HEADER_ORDER = [
  'From',
  'To',
  'Code',
  'PromulgationInfo',
  'DocumentType',
  'Subject',
  'Content',
  'SignerInfo',
  'DueDate',
  'ToPlaces',
  'OtherInfo',
  'ResponseFor',
  'SteeringType',
  'DocumentId',
] as const;
