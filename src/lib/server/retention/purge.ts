/**
 * The retention purge: evidence files past their organisation's retention period are deleted through
 * the storage API (deleting storage.objects rows would leave the files on a real Supabase project),
 * then recorded (evidence_purges + audit log) by record_evidence_purge(). The submission keeps each
 * file's SHA-256, so reports built later print the hash with "purged on".
 */
import type { AppClient } from '$lib/tenancy';

export const EVIDENCE_BUCKET = 'evidence';
/** The purge is cheap but not urgent: the minute job runs it at most this often. */
export const PURGE_INTERVAL_MS = 60 * 60_000;

/** Purges up to `limit` expired files with the service-role `admin`; returns how many were recorded. */
export async function purgeExpiredEvidence(admin: AppClient, limit = 200): Promise<number> {
	const { data: due, error } = await admin.rpc('expired_evidence', { p_limit: limit });
	if (error) throw new Error(`expired_evidence: ${error.message}`);
	if (!due?.length) return 0;
	// A file already gone (never uploaded, or removed by hand) is not an error: remove() skips it and
	// the purge is still recorded, so the same reference is not retried forever.
	const removed = await admin.storage.from(EVIDENCE_BUCKET).remove(due.map((d) => d.path));
	if (removed.error) throw new Error(`evidence removal: ${removed.error.message}`);
	const items = due.map((d) => ({ call_id: d.call_id, path: d.path }));
	const { data: n, error: recErr } = await admin.rpc('record_evidence_purge', { p_items: items });
	if (recErr) throw new Error(`record_evidence_purge: ${recErr.message}`);
	return n ?? 0;
}

let lastRun = 0;

/** Runs the purge when the last run is at least PURGE_INTERVAL_MS old; for the minute job. */
export async function purgeWhenDue(admin: AppClient, now = Date.now()): Promise<number> {
	if (now - lastRun < PURGE_INTERVAL_MS) return 0;
	lastRun = now;
	return purgeExpiredEvidence(admin);
}
