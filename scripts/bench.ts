/** `npm run bench` runs every bench/*.ts in turn; `npm run bench -- NAME` runs bench/NAME.ts alone. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const names = process.argv.slice(2);
const all = readdirSync('bench')
	.filter((f) => f.endsWith('.ts'))
	.map((f) => f.slice(0, -3))
	.sort();
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) {
	console.error(`unknown benchmark: ${unknown.join(', ')} (have: ${all.join(', ')})`);
	process.exit(2);
}
let failed = false;
for (const name of names.length ? names : all) {
	console.log(`\n=== bench/${name}.ts`);
	const r = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
	failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
