/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The shopper's offline shell. Build assets and static files: cache first (they are versioned).
 * /shopper pages and their `__data.json`: network first, falling back to the last good copy, so
 * a call page reloads in airplane mode. Never cached: anything outside /shopper, the API, auth
 * redirects (a signed-out page must not be replayed) and SvelteKit's redirect payloads. The page
 * cache is per build (old HTML names old assets) and the app deletes it on sign-out.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = `cc-assets-${version}`;
export const PAGES = `cc-pages-${version}`;
const SHELL = [...build, ...files];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(ASSETS)
			.then((c) => c.addAll(SHELL))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key.startsWith('cc-') && key !== ASSETS && key !== PAGES) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

const isData = (url: URL) => url.pathname.endsWith('/__data.json');

/** A response worth keeping: a same-origin 200 that is not SvelteKit's "redirect" payload. */
async function keepable(url: URL, res: Response): Promise<boolean> {
	if (res.status !== 200 || res.type !== 'basic' || res.redirected) return false;
	if (!isData(url)) return true;
	const body = (await res
		.clone()
		.json()
		.catch(() => null)) as { type?: string } | null;
	return !!body && body.type !== 'redirect';
}

/** The cached copy of `url`, else the shell of another call page (they are the same HTML). */
async function fallback(url: URL): Promise<Response | undefined> {
	const cache = await caches.open(PAGES);
	const exact = await cache.match(url.pathname);
	if (exact) return exact;
	const call = url.pathname.match(/^\/shopper\/calls\/[^/]+(\/__data\.json)?$/);
	if (!call) return undefined;
	const suffix = call[1] ?? '';
	for (const req of await cache.keys()) {
		const p = new URL(req.url).pathname;
		if (
			/^\/shopper\/calls\/[^/]+/.test(p) &&
			p.endsWith(suffix) &&
			isData(new URL(req.url)) === !!suffix
		)
			return cache.match(req);
	}
	return undefined;
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
	try {
		const res = await fetch(request);
		if (await keepable(url, res)) {
			const cache = await caches.open(PAGES);
			await cache.put(url.pathname, res.clone());
		}
		return res;
	} catch (err) {
		const cached = await fallback(url);
		if (cached) return cached;
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (SHELL.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (url.pathname === '/shopper' || url.pathname.startsWith('/shopper/'))
		event.respondWith(networkFirst(request, url));
});
