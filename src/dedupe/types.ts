/** One customer record as the matching engine sees it (normalised values from the clean stage). */
export interface MatchRecord {
  id: number;
  nameKey?: string | null;
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  /** E.164, e.g. +8613812345678 */
  phone?: string | null;
  email?: string | null;
  companyKey?: string | null;
  company?: string | null;
  province?: string | null;
  city?: string | null;
  address?: string | null;
  postcode?: string | null;
  /** YYYY-MM-DD (or 8 digits YYYYMMDD) */
  birthDate?: string | null;
  idNumber?: string | null;
  sourceId?: number;
  updatedAt?: string;
}

/** Fields a golden record carries (survivorship picks one value per field). */
export const GOLDEN_FIELDS = [
  'name',
  'givenName',
  'familyName',
  'phone',
  'email',
  'company',
  'province',
  'city',
  'address',
  'postcode',
  'birthDate',
  'idNumber',
] as const;
export type GoldenField = (typeof GOLDEN_FIELDS)[number];
