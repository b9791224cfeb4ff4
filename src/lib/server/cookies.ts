/** Cookie attributes for everything the app sets. */
import type { Cookies } from '@sveltejs/kit';

type SetOptions = Parameters<Cookies['set']>[2];

/**
 * `secure` follows the request's scheme (SvelteKit would otherwise mark cookies secure on plain-http
 * 127.0.0.1, where browsers then drop them); `sameSite=lax` keeps them off cross-site POSTs.
 */
export function cookieOptions(url: URL, extra: Partial<SetOptions> = {}): SetOptions {
	return {
		path: '/',
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		httpOnly: true,
		...extra
	};
}
