/**
 * Which chart each dataset draws and from which columns; chart.js configuration without chart.js
 * itself, so the page imports the library only when a chart is on screen.
 */
import { COLUMNS, cells } from './columns';
import type { Dataset, Row } from './types';

interface Series {
	/** Column key of the values. */
	key: string;
	stack?: string;
}
interface ChartSpec {
	type: 'line' | 'bar';
	/** Column key of the labels (the x axis, or y for horizontal bars). */
	label: string;
	series: Series[];
	horizontal?: boolean;
	percent?: boolean;
}

const SPECS: Record<Dataset, ChartSpec> = {
	trend: { type: 'line', label: 'period', series: [{ key: 'average' }], percent: true },
	vendors: {
		type: 'bar',
		label: 'vendor',
		series: [{ key: 'average' }],
		horizontal: true,
		percent: true
	},
	categories: { type: 'bar', label: 'category', series: [{ key: 'score' }], percent: true },
	clauses: {
		type: 'bar',
		label: 'clause',
		series: [
			{ key: 'failed', stack: 's' },
			{ key: 'passed', stack: 's' }
		],
		horizontal: true
	},
	findings: {
		type: 'bar',
		label: 'age_band',
		series: [
			{ key: 'critical', stack: 's' },
			{ key: 'major', stack: 's' },
			{ key: 'minor', stack: 's' }
		]
	},
	disputes: { type: 'bar', label: 'status', series: [{ key: 'disputes' }] },
	workload: {
		type: 'bar',
		label: 'period',
		series: [
			{ key: 'reviewed', stack: 's' },
			{ key: 'awaiting', stack: 's' }
		]
	},
	coverage: {
		type: 'bar',
		label: 'site',
		series: [{ key: 'planned' }, { key: 'completed' }]
	}
};

// The design's data colours: teal, amber, slate; readable on white and distinct in greyscale.
const COLOURS = ['#0f766e', '#b45309', '#475569'];

/** The chart.js configuration of `dataset` for `rows`. */
export function chartConfig(dataset: Dataset, rows: Row[], locale: string) {
	const spec = SPECS[dataset];
	const columns = COLUMNS[dataset];
	const table = cells(dataset, rows, locale);
	const at = (key: string) => columns.findIndex((c) => c.key === key);
	const scale = spec.percent ? 100 : 1;
	return {
		type: spec.type,
		data: {
			labels: table.map((r) => String(r[at(spec.label)] ?? '')),
			datasets: spec.series.map((s, i) => ({
				label: columns[at(s.key)].label(),
				data: table.map((r) => {
					const v = r[at(s.key)];
					return typeof v === 'number' ? Math.round(v * scale * 10) / 10 : null;
				}),
				backgroundColor: COLOURS[i % COLOURS.length],
				borderColor: COLOURS[i % COLOURS.length],
				stack: s.stack
			}))
		},
		options: {
			indexAxis: spec.horizontal ? ('y' as const) : ('x' as const),
			responsive: true,
			maintainAspectRatio: false,
			animation: false as const,
			scales: {
				[spec.horizontal ? 'x' : 'y']: {
					beginAtZero: true,
					stacked: spec.series.some((s) => s.stack),
					...(spec.percent
						? { suggestedMax: 100, ticks: { callback: (v: unknown) => `${v} %` } }
						: {})
				},
				[spec.horizontal ? 'y' : 'x']: { stacked: spec.series.some((s) => s.stack) }
			},
			plugins: { legend: { display: spec.series.length > 1 } }
		}
	};
}
