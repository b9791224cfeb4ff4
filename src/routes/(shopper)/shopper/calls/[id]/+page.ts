import type { PageLoad } from './$types';

// The call runs from IndexedDB, not from server data: the page's HTML is the same for every call,
// so the service worker can serve it offline, and nothing here waits for the network.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ id: params.id });
