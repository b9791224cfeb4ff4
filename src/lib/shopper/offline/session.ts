/**
 * Opening a call on the phone: its bundle from IndexedDB (fetched and stored when missing and
 * online) and its draft, made once with a fresh idempotency key.
 */
import { newDraft } from './draft';
import { getBundle, putBundle, updateDraft } from './store';
import type { CallBundle, CallDraft } from './types';

/** Fetches call `id`'s bundle from the server and stores it; null when it is not the shopper's. */
export async function fetchBundle(
	id: string,
	fetcher: typeof fetch = fetch
): Promise<CallBundle | null> {
	const res = await fetcher(`/api/calls/${id}/bundle`, { credentials: 'same-origin' });
	if (res.status === 404 || res.status === 401) return null;
	if (!res.ok) throw new Error(`bundle ${res.status}`);
	const bundle = (await res.json()) as CallBundle;
	await putBundle(bundle);
	return bundle;
}

/** The stored bundle, else the server's; null when neither is there (offline and never opened). */
export async function loadBundle(id: string): Promise<CallBundle | null> {
	const held = await getBundle(id);
	if (held) return held;
	try {
		return await fetchBundle(id);
	} catch {
		return null;
	}
}

/** The stored draft of call `id`, created (with its idempotency key) on first opening. */
export async function openDraft(id: string): Promise<CallDraft> {
	const d = await updateDraft(
		id,
		(x) => x,
		() => newDraft(id, crypto.randomUUID(), Date.now())
	);
	return d!;
}
