/**
 * What a phone downloads to open the call screen: the JavaScript and CSS of the production build that
 * SvelteKit loads for `/shopper/calls/[id]` (its client entry, the root and shopper layouts, the page,
 * and every chunk they import), each file gzip-compressed as a server would send it. Falls back to
 * `/shopper` when the build has no call route. Goal: ≤ 90 KB of gzipped JavaScript.
 *
 * The build's server manifest lists, per route, the layout and page nodes; each server node file
 * names the client files it needs (`imports`, `stylesheets`, already closed over their static
 * imports), and the manifest's `client` block names the entry files. Lazily imported chunks (e.g.
 * tus-js-client for evidence uploads) are not counted: the phone fetches them only when used.
 *
 * Run: npm run bench -- shopper-bundle   (builds into .e2e/bench first when there is no build there;
 * BENCH_REBUILD=1 forces a fresh build; BENCH_KIT_DIR reads another SvelteKit output folder)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROUTES = ['/(shopper)/shopper/calls/[id]', '/(shopper)/shopper'];
const root = path.resolve('.e2e/bench');
const kitDir = path.resolve(process.env.BENCH_KIT_DIR ?? path.join(root, 'kit'));
const server = path.join(kitDir, 'output/server');
const client = path.join(kitDir, 'output/client');

if (process.env.BENCH_REBUILD || !existsSync(path.join(server, 'manifest-full.js'))) {
	console.log(`building into ${path.relative(process.cwd(), root)} …`);
	const r = spawnSync('npx', ['vite', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			CLEARCALL_BUILD_DIR: path.join(root, 'build'),
			CLEARCALL_KIT_DIR: kitDir
		}
	});
	if (r.status !== 0) throw new Error('the production build failed');
}

const manifest = readFileSync(path.join(server, 'manifest-full.js'), 'utf8');
/** A JSON-ish array literal from generated code, e.g. `imports: ["a.js","b.js"]`. */
const list = (text: string, name: string): string[] => {
	const m = new RegExp(`${name}\\s*[:=]\\s*(\\[[^\\]]*\\])`).exec(text);
	return m ? (JSON.parse(m[1]) as string[]) : [];
};

/** The layout and leaf node indexes of route `id`, or null when the build has no such page. */
function nodesOf(id: string): number[] | null {
	const at = manifest.indexOf(`id: ${JSON.stringify(id)}`);
	if (at < 0) return null;
	const page = /page:\s*\{\s*layouts:\s*\[([^\]]*)\][^}]*leaf:\s*(\d+)/.exec(manifest.slice(at));
	if (!page) return null;
	const layouts = page[1]
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s && s !== 'undefined')
		.map(Number);
	return [...layouts, Number(page[2])];
}

const route = ROUTES.find((r) => nodesOf(r));
if (!route) throw new Error(`the build has none of ${ROUTES.join(', ')}`);
const clientBlock = manifest.slice(manifest.indexOf('client:'));
const files = new Set<string>([
	...list(clientBlock, 'start').concat(/start:\s*"([^"]+)"/.exec(clientBlock)?.slice(1) ?? []),
	...(/app:\s*"([^"]+)"/.exec(clientBlock)?.slice(1) ?? []),
	...list(clientBlock, 'imports'),
	...list(clientBlock, 'stylesheets')
]);
for (const n of nodesOf(route)!) {
	const node = readFileSync(path.join(server, 'nodes', `${n}.js`), 'utf8');
	for (const f of [...list(node, 'imports'), ...list(node, 'stylesheets')]) files.add(f);
}

let js = 0;
let css = 0;
const rows: [string, number][] = [];
for (const f of [...files].sort()) {
	const gz = gzipSync(readFileSync(path.join(client, f)), { level: 9 }).length;
	rows.push([f, gz]);
	if (f.endsWith('.css')) css += gz;
	else js += gz;
}
for (const [f, gz] of rows.sort((a, b) => b[1] - a[1])) {
	console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`);
}
console.log(`route ${route}: ${rows.length} files`);
console.log(
	`call_route_js_gz_kb=${(js / 1024).toFixed(1)} call_route_css_gz_kb=${(css / 1024).toFixed(1)}`
);
