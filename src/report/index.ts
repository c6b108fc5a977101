export { buildWeeklyReport, type BuildOptions } from './build.js';
export { weeklyReportSchema, reportJsonSchema, REPORT_SCHEMA_ID, type WeeklyReport } from './model.js';
export { saveReport, previousReport } from './store.js';
export { writeReport, reportFormatOf, expandOutputPath, type ReportFormat } from './render.js';
export { presentReport } from './present.js';
export { renderTerminal } from './terminal.js';
export { reportWeeks, defaultAsOf, parseAsOf } from './weeks.js';
