import { rmSync } from 'node:fs';

/** Removes the run's throw-away data directory (PGlite, storage, outbox) and its own build. */
export default function teardown() {
	for (const dir of [process.env.E2E_DATA_DIR, process.env.E2E_BUILD_ROOT]) {
		if (dir && /cc-e2e-|[\\/]\.e2e[\\/]run-/.test(dir))
			rmSync(dir, { recursive: true, force: true });
	}
}
