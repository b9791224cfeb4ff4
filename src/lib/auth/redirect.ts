/**
 * Post-sign-in redirects accept only same-origin relative paths: anything that a browser could resolve
 * to another origin (`//evil`, `/\evil`, `https://evil`, control characters) is dropped, so the sign-in
 * page cannot be used as an open redirect.
 */
export function safeRedirectPath(target: string | null | undefined): string | null {
	if (!target || target.length > 2048) return null;
	if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return null;
	// Browsers strip tabs and newlines from URLs, which can turn "/\t/evil" into "//evil".
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return null;
	try {
		const base = 'http://clearcall.invalid';
		const url = new URL(target, base);
		if (url.origin !== base) return null;
		return url.pathname + url.search + url.hash;
	} catch {
		return null;
	}
}
