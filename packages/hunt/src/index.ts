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
  XML_MAX_CHARS,
  XML_MAX_DEPTH,
  XmlSyntaxError,
  attributeValue,
  childElements,
  ownText,
  parseXml,
  type XmlAttribute,
  type XmlElement,
  type XmlNode,
  type XmlText,
} from './sysmon-config/xml.js';
export {
  CONDITION_OPERATORS,
  DEFAULT_CONDITION,
  conditionOperator,
  matchesCondition,
  type ConditionOperator,
} from './sysmon-config/conditions.js';
export {
  SYSMON_EVENT_TYPES,
  UNFILTERED_EVENT_IDS,
  eventTypeByElement,
  eventTypeById,
  type SysmonEventType,
} from './sysmon-config/event-types.js';
export type {
  CompoundRule,
  ConfigWarning,
  EventTypeRules,
  FieldFilter,
  GroupRelation,
  OnMatch,
  RuleItem,
  RuleSet,
  SysmonConfig,
} from './sysmon-config/model.js';
export type { SysmonOption, SysmonOptions } from './sysmon-config/options.js';
export { SysmonConfigError, parseSysmonConfig, rulesForEventId } from './sysmon-config/config.js';
export { wouldLog, type FieldLookup, type LoggingDecision } from './sysmon-config/evaluate.js';
export { eventTypeState, type EventTypeMode, type EventTypeState } from './sysmon-config/state.js';
export {
  ConfigInferenceAccumulator,
  coverageReport,
  inferConfigFromLogs,
  type ConfigChange,
  type CoverageEntry,
  type CoverageProbe,
  type InferredConfig,
  type LoggedEventType,
  type ServiceStateChange,
} from './sysmon-config/coverage.js';
