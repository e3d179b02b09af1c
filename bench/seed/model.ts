/** The generated city in memory: what the document generator draws people and senders from. */

export type Role = 'clerk' | 'leader' | 'deputy' | 'unit_head' | 'specialist' | 'admin';

export type AgencyKind = 'city' | 'office' | 'department' | 'ward' | 'level3' | 'level4';

export interface Person {
  id: string;
  username: string;
  fullName: string;
  agencyIndex: number;
  /** Position title (chức vụ). */
  title: string;
  roles: { role: Role; unitId: string | null }[];
  unitId: string | null;
}

export interface Unit {
  id: string;
  agencyIndex: number;
  code: string;
  name: string;
  head: Person;
  /** Specialists; the first ones get most of the work (busy people). */
  members: Person[];
}

export interface Agency {
  index: number;
  id: string;
  code: string;
  name: string;
  /** Issuer abbreviation in notations (`UBND`, `SNV`). */
  shortName: string;
  level: number;
  kind: AgencyKind;
  parentIndex: number | null;
  validFrom: string;
  /** Relative size: people and documents are spread by it. */
  weight: number;
  /** Documents issued per year (for realistic sender numbers). */
  issuesPerYear: number;
  leader: Person;
  deputies: Person[];
  clerks: Person[];
  /** Office first (when there is one), then the professional units. */
  units: Unit[];
  people: Person[];
}

export interface City {
  agencies: Agency[];
  passwordHash: string;
  /** Agency directory creation time (ms since epoch). */
  createdAt: number;
}
