/**
 * Taking the day's calls offline: opening "today" stores each assigned call's bundle (scenario
 * version and briefing) in IndexedDB and warms the service worker's cache with the call page, so
 * the whole call can be done in airplane mode.
 */
import { fetchBundle } from './session';

/** The call page's address; its HTML is the same shell for every call (the page renders from IndexedDB). */
export const callPath = (id: string) => `/shopper/calls/${id}`;

/**
 * Stores every call of `ids` for offline use; resolves with the ids now ready. A failure for one
 * call (offline, not theirs any more) leaves the others alone.
 */
export async function takeOffline(ids: readonly string[]): Promise<Set<string>> {
	const ready = new Set<string>();
	await Promise.all(
		ids.map(async (id) => {
			try {
				if (!(await fetchBundle(id))) return;
				// Goes through the service worker, which keeps the page (and its layout data) in its cache.
				await Promise.all([
					fetch(callPath(id), { credentials: 'same-origin' }),
					fetch(`${callPath(id)}/__data.json?x-sveltekit-invalidated=11`, {
						credentials: 'same-origin'
					})
				]);
				ready.add(id);
			} catch {
				// Offline or refused: the copy already stored (if any) stays.
			}
		})
	);
	return ready;
}
