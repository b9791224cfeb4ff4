import type { PageServerLoad } from './$types';

// One instant for the page, so the server and the browser show the same date.
export const load: PageServerLoad = async () => ({ now: new Date().toISOString() });
