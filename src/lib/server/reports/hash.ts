/** SHA-256 of report files, as lowercase hex (what reports.sha256 holds and /verify compares). */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array | ArrayBuffer): string {
	return createHash('sha256')
		.update(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
		.digest('hex');
}
