/**
 * `npm start`: the production build (adapter-node, `build/index.js`) with the embedded stack in the same
 * process, unless `.env` points at another Supabase project.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { PROJECT_ROOT } from '../supabase/local/src/config';
import { banner, startEmbeddedStack } from './local-stack';

// CLEARCALL_BUILD_DIR: where `npm run build` put the build when told to (e2e runs use their own).
const entry = path.resolve(PROJECT_ROOT, process.env.CLEARCALL_BUILD_DIR ?? 'build', 'index.js');
if (!existsSync(entry)) {
	console.error(`${entry} is missing: run \`npm run build\` first.`);
	process.exit(1);
}

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.ORIGIN ?? `http://localhost:${port}`;

const stack = await startEmbeddedStack(appUrl);
// adapter-node reads HOST, PORT and ORIGIN from process.env when its entry module is evaluated.
process.env.HOST = host;
process.env.PORT = String(port);
await import(pathToFileURL(entry).href);
console.log(banner(appUrl, stack));

const stop = async () => {
	await stack.close();
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
