import { exportDataset } from '$lib/server/dashboard/export';
import type { RequestHandler } from './$types';

/** One dataset's rows as CSV, scoped by RLS to the signed-in user. */
export const GET: RequestHandler = (event) => exportDataset(event);
