/**
 * Statistics over seeds. The one implementation lives in `lib/analysis`
 * (mean and Student-t 95 % confidence interval); experiment code imports it
 * from here so the whole folder uses the same definition.
 *
 * @module
 */

export { CONFIDENCE, meanCI95, studentTQuantile } from "../analysis/stats.ts";
