/**
 * uploadEvidence (src/lib/shopper/upload.ts) against the real stack as the demo shopper: the file
 * lands in the call's folder, an interrupted upload resumes from the server's offset, and a folder
 * the shopper may not write to is refused with nothing stored.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { PreviousUpload, UrlStorage } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadEvidence } from '../../src/lib/shopper/upload';
import type { World } from './fixtures';
import { evidencePath, storedSize } from './evidence-fixtures';
import { startScenarioWorld } from './scenarios-fixtures';

let w: World;
let shopper: SupabaseClient;

beforeAll(async () => {
	w = await startScenarioWorld();
	shopper = w.as.shopper as unknown as SupabaseClient;
	const pub: Record<string, string | undefined> = (await import('$env/dynamic/public')).env;
	pub.PUBLIC_SUPABASE_URL = w.stack.url;
	pub.PUBLIC_SUPABASE_ANON_KEY = w.stack.anonKey;
});
afterAll(async () => {
	await w?.close();
});

/** What localStorage is to the browser build: where unfinished uploads are remembered. */
function memoryUrlStorage(): UrlStorage & { entries: Map<string, PreviousUpload> } {
	const entries = new Map<string, PreviousUpload>();
	let n = 0;
	return {
		entries,
		findAllUploads: async () => [...entries.values()],
		findUploadsByFingerprint: async (fp) =>
			[...entries.entries()]
				.filter(([k]) => k.startsWith(`${fp}::`))
				.map(([k, v]) => ({ ...v, urlStorageKey: k })),
		removeUpload: async (key) => void entries.delete(key),
		addUpload: async (fp, upload) => {
			const key = `${fp}::${++n}`;
			entries.set(key, upload);
			return key;
		}
	};
}

const audio = (bytes: number) => new Blob([new Uint8Array(bytes).fill(4)], { type: 'audio/mp4' });

describe('uploadEvidence', () => {
	it('puts the file in the call’s folder and reports progress up to its size', async () => {
		const path = evidencePath(w, 'audit', 'callOwn');
		const seen: number[] = [];
		const out = await uploadEvidence({
			supabase: shopper,
			path,
			file: audio(50_000),
			onProgress: (sent) => seen.push(sent),
			urlStorage: memoryUrlStorage()
		});
		expect(out).toEqual({ path });
		expect(await storedSize(w, path)).toBe(50_000);
		expect(seen.at(-1)).toBe(50_000);
	});

	it('continues an interrupted upload from where the server stopped', async () => {
		const path = evidencePath(w, 'audit', 'callOwn');
		const file = audio(13 * 1024 * 1024);
		const urlStorage = memoryUrlStorage();
		const stop = new AbortController();
		const first = uploadEvidence({
			supabase: shopper,
			path,
			file,
			urlStorage,
			signal: stop.signal,
			onProgress: (sent) => sent >= 6 * 1024 * 1024 && stop.abort()
		});
		await expect(first).rejects.toMatchObject({ name: 'AbortError' });
		expect(await storedSize(w, path)).toBeNull();
		expect(urlStorage.entries.size).toBe(1);

		const seen: number[] = [];
		await uploadEvidence({
			supabase: shopper,
			path,
			file,
			urlStorage,
			onProgress: (sent) => seen.push(sent)
		});
		expect(seen.filter((s) => s > 0)[0]).toBeGreaterThanOrEqual(6 * 1024 * 1024);
		expect(await storedSize(w, path)).toBe(file.size);
		expect(urlStorage.entries.size).toBe(0);
	});

	it('is refused for another shopper’s call, storing nothing', async () => {
		const path = evidencePath(w, 'audit', 'callOther');
		await expect(
			uploadEvidence({ supabase: shopper, path, file: audio(10), urlStorage: memoryUrlStorage() })
		).rejects.toThrow();
		expect(await storedSize(w, path)).toBeNull();
	});

	it('rejects at once when the signal is already aborted', async () => {
		const stop = new AbortController();
		stop.abort();
		await expect(
			uploadEvidence({
				supabase: shopper,
				path: evidencePath(w, 'audit', 'callOwn'),
				file: audio(10),
				signal: stop.signal
			})
		).rejects.toMatchObject({ name: 'AbortError' });
	});
});
