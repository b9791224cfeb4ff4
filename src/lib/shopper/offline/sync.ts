/**
 * The outbox runner in the browser: walks every stored draft and sends what `nextTask` says, on
 * start, when the phone comes back online, when the page becomes visible, after each change and
 * on a timer. Every state change is written to IndexedDB before the request goes out, so a killed
 * tab resumes where it stopped; retries are safe (idempotent start, idempotency key on submit).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { SvelteMap } from 'svelte/reactivity';
import { uploadEvidence } from '../upload';
import { reduceDraft, reduceSync, type SyncAction } from './draft';
import { backoffMs, nextTask, startReply, submitReply, type Reply } from './outbox';
import { toSubmission } from './payload';
import { allDrafts, deleteBlob, getBlob, getBundle, updateDraft } from './store';
import type { CallDraft } from './types';

type Listener = (d: CallDraft) => void;
const listeners = new Set<Listener>();
/** Upload progress by evidence id, 0..1, for the progress bars. */
export const uploadProgress = new SvelteMap<string, number>();
let client: SupabaseClient | undefined;
let running: Promise<void> | null = null;
let again = false;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Calls `fn` with every draft the outbox changes; returns the unsubscribe. */
export function onDraftChange(fn: Listener): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}

/** Tells listeners about `d` (the call screen also calls this after the shopper's own edits). */
export const announce = (d: CallDraft) => listeners.forEach((fn) => fn(d));

async function apply(id: string, action: SyncAction): Promise<CallDraft | undefined> {
	const d = await updateDraft(id, (x) => reduceSync(x, action));
	if (d) announce(d);
	return d;
}

async function post(url: string, body?: unknown): Promise<Reply> {
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers: body ? { 'content-type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined,
			credentials: 'same-origin'
		});
		return { status: res.status, body: await res.json().catch(() => undefined) };
	} catch {
		return { status: 0 };
	}
}

async function upload(d: CallDraft): Promise<boolean> {
	if (!client) return false;
	for (const e of d.evidence.filter((x) => !x.uploaded)) {
		const stored = await getBlob(e.id);
		if (!stored) return false;
		try {
			await uploadEvidence({
				supabase: client,
				path: e.path,
				file: stored.blob,
				onProgress: (sent, total) => {
					uploadProgress.set(e.id, total ? sent / total : 1);
				}
			});
		} catch {
			return false;
		}
		const next = await updateDraft(d.callId, (x) =>
			reduceDraft(x, { type: 'evidenceUploaded', id: e.id }, Date.now())
		);
		await deleteBlob(e.id);
		if (next) announce(next);
	}
	return true;
}

/** One call's pending work; false when the network (or the server) failed and a retry is due. */
async function drain(start: CallDraft): Promise<boolean> {
	let d: CallDraft | undefined = start;
	for (let guard = 0; d && guard < 10; guard++) {
		const task = nextTask(d);
		if (!task) return true;
		if (task === 'start') {
			const action = startReply(await post(`/api/calls/${d.callId}/start`));
			if (!action) return false;
			d = await apply(d.callId, action);
		} else if (task === 'upload') {
			if (!(await upload(d))) return false;
			d = (await allDrafts()).find((x) => x.callId === start.callId);
		} else {
			const bundle = await getBundle(d.callId);
			if (!bundle) return false;
			d = await apply(d.callId, { type: 'sync', state: { kind: 'syncing' } });
			if (!d) return false;
			const reply = await post(
				`/api/calls/${d.callId}/submit`,
				toSubmission(bundle.content, d, Date.now())
			);
			const action = submitReply(reply);
			d = await apply(d.callId, action);
			if (action.state.kind === 'local') return false;
		}
	}
	return true;
}

async function round() {
	let ok = true;
	for (const d of await allDrafts()) ok = (await drain(d)) && ok;
	failures = ok ? 0 : failures + 1;
	clearTimeout(timer);
	if (!ok) timer = setTimeout(kick, backoffMs(failures - 1));
}

/** Runs the outbox now (or once more after the round in flight). */
export function kick(): Promise<void> {
	if (typeof navigator !== 'undefined' && !navigator.onLine) return Promise.resolve();
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		do {
			again = false;
			await round().catch(() => undefined);
		} while (again);
	})().finally(() => (running = null));
	return running;
}

let started = false;

/** Starts the background outbox once per page, with the browser's supabase client for uploads. */
export function startOutbox(supabase: Promise<SupabaseClient>) {
	void supabase.then((c) => {
		client = c;
		void kick();
	});
	if (started) return;
	started = true;
	addEventListener('online', () => void kick());
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void kick();
	});
	setInterval(() => void kick(), 30_000);
	void kick();
}
