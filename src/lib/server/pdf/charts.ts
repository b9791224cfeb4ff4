/**
 * The report's charts, drawn by chart.js on a @napi-rs/canvas (Skia) canvas and exported as PNG:
 * category bars, the score trend and a clause × site heat-map. No animation and a fixed size, so
 * the same model gives the same PNG bytes.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { ReportModel } from '../../domain/report';
import type { ChartId } from './blocks';
import { FONT_FAMILY, fontPath } from './fonts';
import type { ReportText } from './text';

Chart.register(...registerables);
let fontsReady = false;

/** Pixel size of every chart; the renderers scale it to the page width. */
export const CHART_SIZE = { width: 1000, height: 460 } as const;
/** Most clauses a heat-map shows: the lowest pass rates, so it stays readable. */
export const HEATMAP_ROWS = 24;

function ensureFonts() {
	if (fontsReady) return;
	GlobalFonts.registerFromPath(fontPath('regular'), FONT_FAMILY);
	Chart.defaults.font.family = FONT_FAMILY;
	Chart.defaults.font.size = 18;
	Chart.defaults.color = '#333';
	fontsReady = true;
}

const BLUE = '#2b5c8a';
const percentAxis = { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } };
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function categories(model: ReportModel, x: ReportText): ChartConfiguration {
	return {
		type: 'bar',
		data: {
			labels: model.service.rows.map((r) => x.label(r.title)),
			datasets: [{ data: model.service.rows.map((r) => pct(r.score)), backgroundColor: BLUE }]
		},
		options: { indexAxis: 'y', scales: { x: percentAxis }, plugins: { legend: { display: false } } }
	};
}

function trend(model: ReportModel, x: ReportText): ChartConfiguration {
	return {
		type: 'line',
		data: {
			labels: model.trend.map((p) => `${p.period.from} – ${p.period.to}`),
			datasets: [
				{
					label: x.t('mean_score'),
					data: model.trend.map((p) => pct(p.meanScore)),
					borderColor: BLUE,
					backgroundColor: BLUE,
					borderWidth: 4,
					pointRadius: 7
				},
				{
					label: x.t('privacy_rate'),
					data: model.trend.map((p) => pct(p.privacyRate)),
					borderColor: '#3a9a5b',
					backgroundColor: '#3a9a5b',
					borderWidth: 4,
					pointRadius: 7
				},
				{
					label: x.t('critical_rate'),
					data: model.trend.map((p) => pct(p.criticalRate)),
					borderColor: '#c0392b',
					backgroundColor: '#c0392b',
					borderWidth: 4,
					pointRadius: 7
				}
			]
		},
		options: { scales: { y: percentAxis } }
	};
}

/**
 * Red at 50 % and below, through amber, to green at 100 %: pass rates in an audit sit high, so the
 * scale spends its colours where the differences are. Grey where a site never checked the clause.
 */
function heatColour(rate: number | null): string {
	if (rate === null) return '#dddddd';
	const hue = Math.round(Math.max(0, Math.min(1, (rate - 0.5) / 0.5)) * 120);
	return `hsl(${hue}, 65%, 48%)`;
}

/**
 * chart.js has no matrix chart; floating horizontal bars do it: one dataset per site whose bars
 * span [j, j + 1] on a linear x axis, one bar per clause, each coloured by its pass rate.
 */
function heatmap(model: ReportModel): ChartConfiguration {
	const { sites, clauses, rates } = model.heatmap;
	const overall = new Map(model.privacy.rows.map((r) => [r.code, r.rate ?? 1]));
	const shown = clauses
		.map((code, i) => ({ code, i }))
		.sort((a, b) => overall.get(a.code)! - overall.get(b.code)! || (a.code < b.code ? -1 : 1))
		.slice(0, HEATMAP_ROWS);
	return {
		type: 'bar',
		data: {
			labels: shown.map((s) => s.code),
			datasets: sites.map((site, j) => ({
				label: site,
				data: shown.map(() => [j + 0.02, j + 0.98] as [number, number]),
				backgroundColor: shown.map(({ i }) => heatColour(rates[i][j])),
				grouped: false,
				barPercentage: 0.92,
				categoryPercentage: 1
			}))
		},
		options: {
			indexAxis: 'y',
			scales: {
				x: {
					min: 0,
					max: sites.length,
					grid: { display: false },
					ticks: {
						stepSize: 0.5,
						maxRotation: 0,
						autoSkip: false,
						callback: (v: string | number) => {
							const j = Number(v) - 0.5;
							return Number.isInteger(j) ? (sites[j] ?? '') : '';
						}
					}
				},
				y: { grid: { display: false }, ticks: { font: { size: 13 }, autoSkip: false } }
			},
			plugins: { legend: { display: false } }
		}
	};
}

/**
 * One chart as PNG (the HTML preview) or JPEG (the PDF) bytes. jsPDF decodes every PNG and
 * deflates it again in JavaScript (fast-png + pako: 40 % of a report's render time in the bench),
 * while a JPEG goes into the PDF as it is (DCTDecode); at quality 0.92 and ~140 dpi on the page
 * the charts' text and bars stay crisp.
 */
export function drawChart(
	id: ChartId,
	model: ReportModel,
	x: ReportText,
	format: 'png' | 'jpeg' = 'png'
): Buffer {
	ensureFonts();
	const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, CHART_SIZE.width, CHART_SIZE.height);
	const config =
		id === 'categories' ? categories(model, x) : id === 'trend' ? trend(model, x) : heatmap(model);
	config.options = { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 };
	// chart.js takes any object with getContext('2d'); Skia's canvas is one.
	const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
	const bytes = format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 92);
	chart.destroy();
	return bytes;
}
