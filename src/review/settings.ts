/**
 * Fixed settings of the review workspace: password hashing cost, session lifetimes, sign-in
 * lock-out and list sizes. Kept in one place so the security notes in docs/review.md match.
 */

/** PBKDF2-SHA256 iterations for new password hashes (OWASP 2023 recommendation). */
export const PBKDF2_ITERATIONS = 600_000;
/** Hashes with fewer iterations than this are refused outright (guards against a tampered row). */
export const PBKDF2_MIN_ITERATIONS = 1_000;
export const PBKDF2_MAX_ITERATIONS = 10_000_000;

/** Shortest and longest password accepted when one is chosen. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A session ends after this long without a request … */
export const SESSION_IDLE_MS = 30 * 60_000;
/** … and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** last_seen_at is written at most this often per session. */
export const SESSION_TOUCH_MS = 60_000;

/** Failed sign-ins on one account before it is locked … */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** … for this long. */
export const ACCOUNT_LOCK_MS = 15 * 60_000;
/** Failed sign-ins from one IP address within IP_WINDOW_SECONDS before the address is refused. */
export const IP_FAILURE_LIMIT = 20;
export const IP_WINDOW_SECONDS = 15 * 60;

/** Findings per queue page; audit events per log page. */
export const QUEUE_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 100;
/** Most rows one export returns (the page says so when a result is cut). */
export const EXPORT_MAX_ROWS = 10_000;
/** Most findings one bulk action changes. */
export const BULK_MAX = 200;
