/**
 * Object keys, bucket names and where their bytes live on disk.
 *
 * Each object version is one file: `<dataDir>/storage/<bucket>/<key>/~<version>`. The key is a folder so
 * that `a` and `a/b` can both exist (as in S3), and `~` can never occur in a valid key, so a version
 * file never collides with a key segment. Uploads are written under `<dataDir>/storage-tmp` first (same
 * file system, so the final rename is atomic) and never inside a bucket folder.
 */
import path from 'node:path';
import { errors } from './errors';

// Storage-api's own rule: S3-safe characters only. It already excludes NUL, backslash and `~`.
const KEY_CHARS = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;
const BUCKET_CHARS = /^(\w|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

/** Throws storage's InvalidBucketName unless the name is safe (also as a folder name). */
export function mustBeValidBucketName(name: string | undefined): asserts name is string {
	if (!name || !BUCKET_CHARS.test(name) || name === '.' || name === '..' || name.length > 100) {
		throw errors.invalidBucketName();
	}
}

/**
 * Throws storage's InvalidKey unless the key is safe: storage's characters, relative, no empty,
 * `.` or `..` segment (those would address another file once joined to a disk path).
 */
export function mustBeValidKey(key: string | undefined): asserts key is string {
	if (!key || !KEY_CHARS.test(key) || Buffer.byteLength(key) > 1024) {
		throw errors.invalidKey(key ?? '');
	}
	if (key.split('/').some((s) => s === '' || s === '.' || s === '..')) throw errors.invalidKey(key);
}

/** Splits `bucket/some/key` (already percent-decoded) into bucket and key. */
export function splitBucketPath(rest: string): { bucket: string; key: string } {
	const slash = rest.indexOf('/');
	if (slash < 0) return { bucket: rest, key: '' };
	return { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

export interface Layout {
	root: string;
	tmp: string;
}

export function layout(dataDir: string): Layout {
	return { root: path.join(dataDir, 'storage'), tmp: path.join(dataDir, 'storage-tmp') };
}

/** The folder holding a key's versions; checked to stay inside the storage root. */
export function keyDir(l: Layout, bucket: string, key: string): string {
	mustBeValidBucketName(bucket);
	mustBeValidKey(key);
	const dir = path.resolve(l.root, bucket, ...key.split('/'));
	if (!dir.startsWith(path.resolve(l.root, bucket) + path.sep)) throw errors.invalidKey(key);
	return dir;
}

/** The file holding one version of an object. */
export function versionFile(l: Layout, bucket: string, key: string, version: string): string {
	if (!/^[0-9a-f-]{1,64}$/i.test(version)) throw new Error(`bad object version ${version}`);
	return path.join(keyDir(l, bucket, key), `~${version}`);
}

export function bucketDir(l: Layout, bucket: string): string {
	mustBeValidBucketName(bucket);
	return path.join(l.root, bucket);
}
