/**
 * Sign-out on a shared phone: the next person must see nothing of this shopper, so the offline
 * store and the service worker's page caches go. Unsynced work is counted first so the screen can
 * warn before it is deleted.
 */
import { isClosed } from './draft';
import { allDrafts, clearAll } from './store';

/** How many calls hold work the server does not have yet. */
export async function unsyncedCount(): Promise<number> {
	const drafts = await allDrafts();
	return drafts.filter((d) => !isClosed(d) && d.clientVersion > 0).length;
}

/** Deletes every offline copy: IndexedDB and the cached shopper pages. */
export async function clearOffline(): Promise<void> {
	await clearAll();
	if (typeof caches !== 'undefined')
		for (const key of await caches.keys())
			if (key.startsWith('cc-pages-')) await caches.delete(key);
}
