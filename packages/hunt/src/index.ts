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
  IP_TEXT_LIMIT,
  ipFromBytes,
  parseIp,
  sameIp,
  type IpAddress,
  type IpVersion,
} from './net/ip.js';
export { cidrContains, parseCidr, type Cidr } from './net/cidr.js';
export { classifyIp, isInternalClass, isLocalClass, type IpClass } from './net/ip-class.js';

// Process stories, chain findings and timelines (src/story), and the event vocabulary they read.
export { toActivity } from './events/normalise.js';
export type {
  Activity,
  ActivityKind,
  DnsQuery,
  FileActivity,
  NetworkConnect,
  ProcessEnd,
  ProcessRef,
  ProcessStart,
} from './events/activity.js';
export type { Evidence, Finding, StoryStep } from './findings/finding.js';
export { baseName, evidenceOf, summaryOf } from './story/evidence.js';
export { EXECUTABLE_EXTENSIONS, isExecutableName } from './story/executable.js';
export {
  normaliseGuid,
  type ProcessKey,
  type ProcessKnownAs,
  type ProcessNode,
  type ProcessStartFacts,
} from './story/process-node.js';
export {
  PARENT_CHAIN_DEPTH_LIMIT,
  ProcessTable,
  SAME_START_TOLERANCE_MS,
  type ParentChain,
  type ParentChainEnd,
} from './story/process-table.js';
export {
  STORY_CONNECTION_LIMIT,
  STORY_DNS_LIMIT,
  STORY_FILE_LIMIT,
  StoryCollector,
  orderSteps,
  type ProcessActivities,
  type ProcessStory,
  type StoryDropped,
} from './story/story.js';
export {
  CHAIN_EVIDENCE_LIMIT,
  CONNECT_TO_FILE_WINDOW_MS,
  DNS_LOGGED_LATE_MS,
  DNS_TO_CONNECT_WINDOW_MS,
  chainFindings,
  mappedIpKey,
  type ChainOptions,
} from './story/chain.js';
export {
  TimelineBuilder,
  compareRows,
  timelineRow,
  type TimelineFilter,
  type TimelineRow,
} from './story/timeline.js';
