/** The two date formats privacyIDEA writes into tokeninfo (recorded §5.2). */

/** `creation_date` / `assignment_date`: Python `isoformat(timespec="seconds")` in UTC, e.g. `2026-11-28T15:03:52+00:00`. */
export function isoSecondsUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** `last_auth`: `%Y-%m-%d %H:%M:%S.%f%z` in UTC, e.g. `2026-11-28 15:04:32.130945+0000`. */
export function lastAuthUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  const micros = String(Math.floor((((ms % 1000) + 1000) % 1000) * 1000)).padStart(6, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}+0000`;
}
