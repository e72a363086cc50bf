import type { CompileValue } from './operator';

/**
 * Date condition operators (IAM User Guide, "Condition operators" → Date and time): values
 * in one of the W3C profiles of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, and date-times with
 * minutes, seconds or fractions and a `Z` or ±hh:mm zone) or in epoch (UNIX) seconds.
 * An all-digit value is read as epoch seconds (the form `aws:EpochTime` carries), except a bare
 * four-digit year. A date-time without a zone is read as UTC. No wildcards, no policy variables.
 */

const ISO_8601 = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?)?)?)?$/;
const EPOCH_SECONDS = /^\d+(?:\.\d+)?$/;

/** Milliseconds since the epoch, or undefined when the value is not a date AWS accepts. */
export function parseDate(value: string): number | undefined {
  const text = value.trim();
  if (EPOCH_SECONDS.test(text) && !ISO_YEAR_ONLY.test(text)) return Number(text) * 1000;
  const m = ISO_8601.exec(text);
  if (m === null) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = m;
  const fields = { month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31) return undefined;
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return undefined;
  const millis = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(Number(year), fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, millis);
  if (new Date(utc).getUTCDate() !== fields.day) return undefined;
  return utc - zoneOffsetMillis(zone);
}

/** Four digits are the W3C "YYYY" profile: `"2020"` means the year, not 2020 seconds after 1970. */
const ISO_YEAR_ONLY = /^\d{4}$/;

function zoneOffsetMillis(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

function dateComparison(compare: (request: number, policy: number) => boolean): CompileValue {
  return (policyValue) => {
    const policy = parseDate(policyValue);
    return (requestValue) => {
      const request = parseDate(requestValue);
      if (policy === undefined || request === undefined) return 'invalid';
      return compare(request, policy);
    };
  };
}

export const compileDateEquals = dateComparison((r, p) => r === p);
export const compileDateLessThan = dateComparison((r, p) => r < p);
export const compileDateLessThanEquals = dateComparison((r, p) => r <= p);
export const compileDateGreaterThan = dateComparison((r, p) => r > p);
export const compileDateGreaterThanEquals = dateComparison((r, p) => r >= p);
