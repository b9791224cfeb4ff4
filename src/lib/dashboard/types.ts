/** The dashboards' dataset names and row shape, shared by the browser and the server. */
export const DATASETS = [
	'trend',
	'vendors',
	'categories',
	'clauses',
	'findings',
	'disputes',
	'workload',
	'coverage'
] as const;
export type Dataset = (typeof DATASETS)[number];

/** One row of a dataset as the database function returns it. */
export type Row = Record<string, string | number | boolean | null>;

export const isDataset = (s: string): s is Dataset => (DATASETS as readonly string[]).includes(s);
