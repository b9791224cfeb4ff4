/**
 * Restores lock entries for other platforms' optional binaries (rollup, lix, jco) that npm leaves out
 * when the registry it reaches lacks those exact versions. Without them `npm ci` refuses the lock
 * ("Missing: @rollup/rollup-darwin-arm64@ from lock file") although this platform needs none of them.
 * Each entry carries os/cpu/libc, so npm never fetches it on a machine it does not fit.
 * Run after `npm install` changes the lock: node scripts/lock-platforms.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
	'android',
	'darwin',
	'freebsd',
	'linux',
	'win32',
	'openbsd',
	'openharmony',
	'netbsd',
	'sunos',
	'aix'
];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [where, entry] of Object.entries(pkgs)) {
	for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
		const nested = `${where}/node_modules/${name}`;
		const hoisted = `node_modules/${name}`;
		const exact = /^\d+\.\d+\.\d+$/.test(spec);
		// A hoisted copy of another version (a second copy of the same package elsewhere in the tree
		// brought it) does not serve this one: npm then wants this version's entry nested beside it.
		const fits = (e) => e && (!exact || e.version === spec);
		// npm resolves from the package's own node_modules up to the root's: any ancestor's fitting copy serves.
		const parts = where.split('/node_modules/');
		const ancestors = parts.map(
			(_, i) => `${parts.slice(0, i).join('/node_modules/')}/node_modules/${name}`
		);
		if (pkgs[nested] || ancestors.slice(1).some((a) => fits(pkgs[a])) || fits(pkgs[hoisted]))
			continue;
		const at = pkgs[hoisted] ? nested : hoisted;
		const tokens = name.split('/').pop().split('-');
		const os = tokens.find((t) => OS.includes(t));
		const cpu = tokens.find((t) => CPU.includes(t));
		if (!os || !cpu) continue; // not a platform binary: leave it to npm
		const libc = tokens.some((t) => t.startsWith('musl'))
			? 'musl'
			: os === 'linux'
				? 'glibc'
				: undefined;
		pkgs[at] = {
			version: spec.replace(/^[\^~=]/, ''),
			cpu: [cpu],
			...(entry.dev ? { dev: true } : {}),
			...(libc ? { libc: [libc] } : {}),
			optional: true,
			os: [os]
		};
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
);
writeFileSync('package-lock.json', JSON.stringify(lock, null, '\t') + '\n');
console.log(`lock-platforms: added ${added} entries`);
