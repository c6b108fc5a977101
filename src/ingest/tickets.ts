import { parseDate, parseEmail, parsePhone, type NormaliseOptions } from '../clean/index.js';

/** Service tickets: times as ISO timestamps, contact details normalised for linking. */
export function normaliseTicket(raw: Record<string, string | null>, o: NormaliseOptions): { values: Record<string, string | number | null> } {
  const ts = (s: string | null): string | null => (s ? parseDate(s, { dayFirst: o.dayFirst }).iso : null);
  return {
    values: {
      opened_ts: ts(raw.opened_at),
      first_response_ts: ts(raw.first_response_at),
      resolved_ts: ts(raw.resolved_at),
      phone_e164: raw.phone ? parsePhone(raw.phone, o.defaultRegion).e164 : null,
      email_norm: raw.email ? parseEmail(raw.email).email : null,
    },
  };
}
