/**
 * The phone's IndexedDB: per call its bundle and its draft, and evidence blobs until uploaded.
 * Drafts are written before the screen treats a change as saved; nothing here is ever dropped
 * except by `clearAll` on sign-out.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CallBundle, CallDraft } from './types';

interface OfflineDb extends DBSchema {
	bundles: { key: string; value: CallBundle };
	drafts: { key: string; value: CallDraft };
	blobs: { key: string; value: { id: string; callId: string; blob: Blob } };
}

export const DB_NAME = 'clearcall-shopper';
let db: Promise<IDBPDatabase<OfflineDb>> | undefined;

function open() {
	return (db ??= openDB<OfflineDb>(DB_NAME, 1, {
		upgrade(d) {
			d.createObjectStore('bundles', { keyPath: 'callId' });
			d.createObjectStore('drafts', { keyPath: 'callId' });
			d.createObjectStore('blobs', { keyPath: 'id' });
		}
	}));
}

/** The stored bundle of call `id`. */
export const getBundle = async (id: string) => (await open()).get('bundles', id);
/** Stores (replaces) a call's bundle. */
export const putBundle = async (b: CallBundle) => void (await open()).put('bundles', b);
/** Every stored bundle. */
export const allBundles = async () => (await open()).getAll('bundles');

/** The stored draft of call `id`. */
export const getDraft = async (id: string) => (await open()).get('drafts', id);
/** Every stored draft (the outbox walks them). */
export const allDrafts = async () => (await open()).getAll('drafts');

/**
 * Applies `change` to the stored draft of call `id` inside one transaction, so two tabs (or the
 * screen and the outbox) never overwrite each other's edits; `make` builds the draft when there is
 * none. Resolves with what the store holds afterwards, once it is committed.
 */
export async function updateDraft(
	id: string,
	change: (d: CallDraft) => CallDraft,
	make?: () => CallDraft
): Promise<CallDraft | undefined> {
	const tx = (await open()).transaction('drafts', 'readwrite');
	const held = (await tx.store.get(id)) ?? make?.();
	if (!held) {
		await tx.done;
		return undefined;
	}
	const next = change(held);
	if (next !== held || !(await tx.store.getKey(id))) await tx.store.put(next);
	await tx.done;
	return next;
}

/** Stores an evidence file's bytes until it is uploaded. */
export const putBlob = async (id: string, callId: string, blob: Blob) =>
	void (await open()).put('blobs', { id, callId, blob });
/** An evidence file's bytes. */
export const getBlob = async (id: string) => (await open()).get('blobs', id);
/** Forgets an uploaded or removed evidence file's bytes. */
export const deleteBlob = async (id: string) => void (await open()).delete('blobs', id);

/** Empties every store (sign-out: the next person on this phone sees nothing of this one). */
export async function clearAll(): Promise<void> {
	const d = await open();
	const tx = d.transaction(['bundles', 'drafts', 'blobs'], 'readwrite');
	await Promise.all([
		tx.objectStore('bundles').clear(),
		tx.objectStore('drafts').clear(),
		tx.objectStore('blobs').clear(),
		tx.done
	]);
}
