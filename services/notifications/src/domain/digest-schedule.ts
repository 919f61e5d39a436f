import { TZDate } from '@date-fns/tz';

const ZONE = 'Europe/London';

/** The next daily digest after `now`: `hour`:00 London time today if still ahead, else tomorrow (BST-aware). */
export function nextDigestAt(now: Date, hour: number): Date {
  const local = new TZDate(now.getTime(), ZONE);
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hour, 0, 0, ZONE);
  if (today.getTime() > now.getTime()) return new Date(today.getTime());
  const tomorrow = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, hour, 0, 0, ZONE);
  return new Date(tomorrow.getTime());
}
