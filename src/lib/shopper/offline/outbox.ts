/**
 * The outbox's state machine, pure: what to send next for a draft, and what a response means.
 * The runner (sync.ts) does the I/O. Retrying is always safe: the start is idempotent on the
 * server and the submission carries the call's idempotency key.
 */
import type { SyncAction } from './draft';
import type { CallDraft } from './types';

export type OutboxTask = 'start' | 'upload' | 'submit';

/** The next request to make for `d`, or null when there is nothing to send. */
export function nextTask(d: CallDraft): OutboxTask | null {
	if (d.clock.dialAt !== undefined && !d.startSent) return 'start';
	if (d.sync.kind !== 'local' && d.sync.kind !== 'syncing') return null;
	// Files go up as soon as they are picked: they are the slowest part and the least replaceable.
	if (d.evidence.some((e) => !e.uploaded)) return 'upload';
	return d.submitRequested ? 'submit' : null;
}

/** A response as the runner saw it; `status` 0 for a network failure. */
export interface Reply {
	status: number;
	body?: unknown;
}

const message = (body: unknown) =>
	typeof body === 'object' && body && 'message' in body ? String(body.message) : '';

/**
 * What the start endpoint's reply does: any verdict of the server (started, too late, not yours)
 * ends the retries; a network failure, 401 or 5xx leaves it for the next round.
 */
export function startReply(r: Reply): SyncAction | null {
	return r.status === 200 || r.status === 404 || r.status === 409 ? { type: 'startSent' } : null;
}

/**
 * What the submit endpoint's reply does. Nothing the server says deletes the local copy: field
 * errors and conflicts only change the visible state. A network failure, 401 or 5xx keeps it
 * "saved on this phone" for the next round.
 */
export function submitReply(r: Reply): Extract<SyncAction, { type: 'sync' }> {
	const body = r.body as Record<string, unknown> | undefined;
	switch (r.status) {
		case 200:
			return {
				type: 'sync',
				state: { kind: 'synced', overall: (body?.overall as number | null) ?? null }
			};
		case 400:
			return {
				type: 'sync',
				state: {
					kind: 'attention',
					reason: 'invalid',
					errors: (body?.errors as Record<string, string>) ?? { _: 'invalid' }
				},
				dropRequest: true
			};
		case 409:
			return {
				type: 'sync',
				state:
					body?.reason === 'status'
						? { kind: 'attention', reason: 'status', message: message(body) }
						: { kind: 'attention', reason: 'conflict', message: message(body) }
			};
		case 404:
			return { type: 'sync', state: { kind: 'attention', reason: 'not_found', message: '' } };
		case 413:
			return {
				type: 'sync',
				state: { kind: 'attention', reason: 'rejected', message: message(body) },
				dropRequest: true
			};
		default:
			return { type: 'sync', state: { kind: 'local' } };
	}
}

/** Delay before retry number `attempt` (0-based): 2 s doubling to a 60 s ceiling. */
export const backoffMs = (attempt: number) => Math.min(60_000, 2000 * 2 ** Math.min(attempt, 5));

/** The label the shell and the call screen show for a draft. */
export type SyncLabel = 'saved' | 'syncing' | 'synced' | 'attention';

/** The visible sync state of `d`. */
export function syncLabel(d: CallDraft): SyncLabel {
	switch (d.sync.kind) {
		case 'synced':
		case 'resolved':
			return 'synced';
		case 'syncing':
			return 'syncing';
		case 'attention':
			return 'attention';
		default:
			return 'saved';
	}
}
