import { rmSync } from 'node:fs';

/** Removes the run's throw-away data directory (PGlite, storage, outbox). */
export default function teardown() {
	if (process.env.E2E_DATA_DIR?.includes('cc-e2e-'))
		rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
