/**
 * The service-role key and the JWT secret live only in server code: no file the browser can download
 * from the production build contains either, nor the names of the variables that hold them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from '../../supabase/local/src/config';
import { expect, test } from './fixtures';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

test('no browser asset of the build holds the service-role key or the JWT secret', async () => {
	const client = path.join(process.env.E2E_BUILD_ROOT!, 'build', 'client');
	const env = parseDotenv(readFileSync(path.resolve('.env'), 'utf8'));
	const secrets = [
		process.env.SUPABASE_SERVICE_ROLE_KEY ?? env.SUPABASE_SERVICE_ROLE_KEY,
		process.env.SUPABASE_JWT_SECRET ?? env.SUPABASE_JWT_SECRET,
		'SUPABASE_SERVICE_ROLE_KEY',
		'SUPABASE_JWT_SECRET'
	];
	expect(secrets[0]?.length).toBeGreaterThan(20);
	const assets = files(client);
	expect(assets.some((f) => f.endsWith('.js'))).toBe(true);
	const leaks = assets.flatMap((f) => {
		const text = readFileSync(f, 'latin1');
		return secrets
			.filter((s) => s && text.includes(s))
			.map((s) => `${path.relative(client, f)}: ${s.slice(0, 12)}…`);
	});
	expect(leaks).toEqual([]);
});
