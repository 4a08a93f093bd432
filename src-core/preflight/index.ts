export { preflight, formatReport, type PreflightCode, type PreflightIssue, type PreflightOptions, type PreflightReport } from './preflight';
