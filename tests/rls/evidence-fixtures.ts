/**
 * The evidence bucket's world: the scenario world, one fixture object per call folder, and probes
 * that try each storage operation as a role and report whether it took effect.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';

export const BUCKET = 'evidence';
export const AUDIO = () => new Blob([new Uint8Array(2048).fill(7)], { type: 'audio/mp4' });

/** `<organisation>/<call>/<file>` for fixture names `org` and `call`. */
export const evidencePath = (w: World, org: string, call: string, file = `${randomUUID()}.m4a`) =>
	`${w.ids[org]}/${w.ids[call]}/${file}`;

/** Puts an object at `path` with the service role, as a fixture. */
export async function putObject(w: World, path: string, bytes = 1024): Promise<void> {
	const body = new Blob([new Uint8Array(bytes).fill(1)], { type: 'audio/mp4' });
	const { error } = await w.stack.admin().storage.from(BUCKET).upload(path, body, { upsert: true });
	if (error) throw new Error(`fixture upload ${path} failed: ${error.message}`);
}

/** The stored size of the object at `path`, or null when there is none (read as the owner). */
export async function storedSize(w: World, path: string): Promise<number | null> {
	const [row] = await w.sql<{ size: string | null }>(
		`select metadata->>'size' as size from storage.objects where bucket_id = $1 and name = $2`,
		[BUCKET, path]
	);
	return row ? Number(row.size) : null;
}

const bucket = (w: World, role: Role) =>
	(w.as[role] as unknown as SupabaseClient).storage.from(BUCKET);

/** Each operation as `role` on an object in `folder` (`<org>/<call>`); true when it took effect. */
export const evidenceOps = {
	async select(w: World, role: Role, folder: string) {
		const path = `${folder}/${randomUUID()}.m4a`;
		await putObject(w, path);
		const { data } = await bucket(w, role).download(path);
		return data?.size === 1024;
	},
	async insert(w: World, role: Role, folder: string) {
		const path = `${folder}/${randomUUID()}.m4a`;
		await bucket(w, role).upload(path, AUDIO());
		return (await storedSize(w, path)) === 2048;
	},
	async update(w: World, role: Role, folder: string) {
		const path = `${folder}/${randomUUID()}.m4a`;
		await putObject(w, path);
		await bucket(w, role).update(path, AUDIO());
		return (await storedSize(w, path)) === 2048;
	},
	async delete(w: World, role: Role, folder: string) {
		const path = `${folder}/${randomUUID()}.m4a`;
		await putObject(w, path);
		await bucket(w, role).remove([path]);
		return (await storedSize(w, path)) === null;
	}
};
