/**
 * Compliance report model: `buildReportModel(input)` turns reviewed calls, vendor-audit results,
 * findings and remediation for one scope and period into every figure the PDF and the HTML
 * preview print (see model.ts for the section order and rating.ts for the assurance rules).
 */
export * from './input';
export * from './model';
export * from './rating';
export { buildReportModel, findingOrder, siteTime, daysPast, TOP_FINDINGS } from './build';
export { ratio, mean } from './figures';
