/**
 * Fixtures for the storage suites: users as signed JWTs (storage needs no auth.users row), clients
 * acting as them, and Supabase's usual "own folder" policies: a user reads and writes only under
 * `<auth.uid()>/...` of the `private` bucket.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { startTestStack, type TestStack } from './stack';

export interface TestUser {
	id: string;
	token: string;
	client: SupabaseClient;
}

/** A signed-in user: supabase-js with the anon key and the user's access token. */
export async function userClient(stack: TestStack, id = randomUUID()): Promise<TestUser> {
	const token = await stack.sign({ role: 'authenticated', sub: id, aud: 'authenticated' });
	const client = createClient(stack.url, stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { Authorization: `Bearer ${token}` } }
	});
	return { id, token, client };
}

export const OWN_FOLDER_POLICIES = `
	create policy "own folder: read" on storage.objects for select to authenticated
	  using (bucket_id = 'private' and (storage.foldername(name))[1] = auth.uid()::text);
	create policy "own folder: insert" on storage.objects for insert to authenticated
	  with check (bucket_id = 'private' and (storage.foldername(name))[1] = auth.uid()::text);
	create policy "own folder: update" on storage.objects for update to authenticated
	  using (bucket_id = 'private' and (storage.foldername(name))[1] = auth.uid()::text)
	  with check (bucket_id = 'private' and (storage.foldername(name))[1] = auth.uid()::text);
	create policy "own folder: delete" on storage.objects for delete to authenticated
	  using (bucket_id = 'private' and (storage.foldername(name))[1] = auth.uid()::text);
	-- anyone may add to the public "drop" bucket, nobody may replace or remove
	create policy "drop: insert" on storage.objects for insert to anon, authenticated
	  with check (bucket_id = 'drop');
`;

/** The object row as the database has it, or undefined. */
export async function objectRow(stack: TestStack, bucket: string, name: string) {
	const r = await stack.db.query<{
		id: string;
		version: string;
		metadata: Record<string, unknown>;
	}>(`select id, version, metadata from storage.objects where bucket_id = $1 and name = $2`, [
		bucket,
		name
	]);
	return r.rows[0];
}

/** Every file under the stack's storage folders (bucket folders and the upload temp folder). */
export function filesOnDisk(stack: TestStack): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const name of readdirSync(dir)) {
			const p = path.join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else out.push(path.relative(stack.config.dataDir, p));
		}
	};
	walk(path.join(stack.config.dataDir, 'storage'));
	walk(path.join(stack.config.dataDir, 'storage-tmp'));
	return out.sort();
}

/** Raw fetch against /storage/v1 with the given bearer token (and the anon key as apikey). */
export function storageFetch(
	stack: TestStack,
	token: string | null,
	p: string,
	init: RequestInit = {}
) {
	const headers = new Headers(init.headers);
	if (token) {
		headers.set('authorization', `Bearer ${token}`);
		headers.set('apikey', stack.anonKey);
	}
	return fetch(`${stack.url}/storage/v1${p}`, { ...init, headers });
}

export interface StorageWorld {
	stack: TestStack;
	alice: TestUser;
	bob: TestUser;
}

/**
 * A stack with two users, the own-folder policies and three buckets: `private`, `pics` (public) and
 * `drop` (public, anyone may add).
 */
export async function startStorageWorld(): Promise<StorageWorld> {
	const stack = await startTestStack();
	const alice = await userClient(stack);
	const bob = await userClient(stack);
	const admin = stack.admin();
	await admin.storage.createBucket('private', { public: false });
	await admin.storage.createBucket('pics', { public: true });
	await admin.storage.createBucket('drop', { public: true });
	await stack.db.exec(OWN_FOLDER_POLICIES);
	return { stack, alice, bob };
}
