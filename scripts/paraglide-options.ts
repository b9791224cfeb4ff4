/**
 * Paraglide's compiler options, shared by the Vite plugin (dev, build) and `npm run i18n` (check, CI),
 * so both emit the same runtime.
 *
 * The inlang project loads its message-format plugin from node_modules (a path, not a CDN URL), so
 * compiling works offline.
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The server sets the cookie on the first visit (from Accept-Language), so the browser and the
	// server always agree on the locale without the browser guessing from navigator.languages.
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'cc_locale',
	emitReadme: false
} satisfies {
	project: string;
	outdir: string;
	strategy: ('cookie' | 'preferredLanguage' | 'baseLocale')[];
	cookieName: string;
	emitReadme: boolean;
};
