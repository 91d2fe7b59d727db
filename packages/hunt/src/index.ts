/** @evtxhunt/hunt: a hunting engine over plain event records. No parser, no IO. */
export { fieldText, type EventRecord, type FieldValue } from './record.js';
export {
  SYSTEM_FIELDS,
  fieldValues,
  firstFieldValue,
  isSystemField,
  type SystemField,
} from './fields.js';
export {
  SYSMON_NETWORK_CONNECT,
  SYSMON_PROVIDER,
  isInitiatedNetworkConnect,
  isReportedHostname,
  isSysmonNetworkConnect,
  networkConnection,
  type NetworkConnection,
} from './sysmon.js';
export {
  WhereSyntaxError,
  matchesWhere,
  parseWhere,
  whereFilter,
  type WhereCondition,
  type WhereOperator,
} from './where.js';
export {
  DEFAULT_PIVOT_FIELDS,
  PIVOT_VALUE_LIMIT,
  PivotAccumulator,
  pivot,
  type PivotOptions,
  type PivotResult,
  type PivotRow,
} from './pivot.js';
export {
  DEFAULT_BAND_FRACTION,
  DEFAULT_BEACON_THRESHOLD,
  DEFAULT_MIN_ATTEMPTS,
  DEFAULT_RETRY_COLLAPSE_MS,
  scoreBeaconSeries,
  type BeaconOptions,
  type BeaconScore,
  type IntervalHistogram,
  type TimeSpan,
} from './beacon/score.js';
export {
  BEACON_WEIGHTS,
  FULL_COUNT_ATTEMPTS,
  MAD_RATIO_LIMIT,
  MAX_PAUSE_SHARE,
  PAUSE_FACTOR,
  type BeaconScoreParts,
} from './beacon/parts.js';
export {
  BeaconSeriesAccumulator,
  findBeacons,
  type BeaconFinding,
  type BeaconSeries,
} from './beacon/series.js';
export { formatDuration } from './beacon/reason.js';
export {
  bowleySkewSorted,
  median,
  medianAbsoluteDeviation,
  medianSorted,
  quantileSorted,
  shareWithinBand,
} from './beacon/stats.js';
