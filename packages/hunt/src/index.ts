/** @evtxhunt/hunt: a hunting engine over plain event records. No parser, no IO. */
export {
  fieldText,
  isFieldSource,
  LazyFieldRecord,
  valuesOf,
  type EventRecord,
  type FieldNames,
  type FieldSourceRecord,
  type FieldValue,
  type RecordFacts,
  type SystemFacts,
} from './record.js';
export { fieldsRead } from './events/fields-read.js';
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
export {
  SOME_USER,
  SOME_VOLUME,
  baseName,
  normaliseWindowsPath,
  parentPath,
  parseWindowsPath,
  type WindowsPath,
} from './paths/windows-path.js';
export { isShortName, segmentCouldBe } from './paths/short-name.js';
export {
  bySpecificity,
  compilePathPattern,
  isPathDirectlyIn,
  isPathUnder,
  type PathPattern,
  type PatternSegment,
} from './paths/path-pattern.js';
export {
  userWritablePlace,
  type UserWritablePlace,
  type UserWritablePlaceId,
} from './paths/user-writable.js';
export {
  DOTNET_FRAMEWORK_DIRS,
  HomedIndex,
  SYSTEM32_DIR,
  WBEM_DIRS,
  WINDOWS_BINARY_DIRS,
  WINDOWS_POWERSHELL_DIRS,
  type HomedBinary,
  type HomedMatch,
} from './knowledge/homes.js';
export {
  LOLBINS,
  lolbinFor,
  type Lolbin,
  type LolbinCategory,
  type LolbinMatch,
} from './knowledge/lolbins.js';
export {
  ADMIN_PORTS,
  adminPort,
  isLateralMovementPort,
  type AdminPort,
  type Transport,
} from './knowledge/ports.js';
export {
  SERVICE_HOSTS,
  isServiceHost,
  serviceHostFor,
  type ServiceHost,
  type ServiceHostMatch,
} from './knowledge/service-hosts.js';
export {
  COMMON_PROCESSES,
  commonProcessFor,
  isBrowser,
  type CommonProcess,
  type CommonProcessKind,
  type CommonProcessMatch,
} from './knowledge/common-processes.js';
export {
  KNOWN_GOOD_LOCATIONS,
  knownGoodLocation,
  type KnownGoodLocation,
} from './knowledge/known-good-locations.js';

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
  SourceRef,
} from './events/activity.js';
export { parseIsoTime, parseSysmonUtc, type EventTime } from './events/time.js';
export {
  FINDING_KINDS,
  SEVERITIES,
  compareFindings,
  type BeaconDetail,
  type Evidence,
  type Finding,
  type FindingKind,
  type SigmaDetail,
  type Severity,
  type StoryStep,
} from './findings/finding.js';
export type {
  BlindSpot,
  CoverageSection,
  HuntInput,
  HuntReport,
  NetworkPivotRow,
  SourceStatus,
  SuppressedCount,
} from './findings/report.js';
export {
  ALLOWLIST_TEXT_LIMIT,
  AllowlistError,
  parseAllowlist,
  suppressingRule,
  type AllowRule,
  type Allowlist,
} from './allowlist/allowlist.js';
export {
  GLOB_LENGTH_LIMIT,
  GlobTooLongError,
  compileAllowGlob,
  type Glob,
} from './allowlist/glob.js';
export { HuntEngine, applyAllowlist, type HuntOptions } from './engine/engine.js';
export { DuplicateRecords } from './engine/duplicates.js';
export { EVIDENCE_LIMIT, limitEvidence } from './findings/evidence-limit.js';
export type {
  Knowledge,
  KnownAdminService,
  KnownLolbin,
  KnownServiceHost,
  KnownWritablePlace,
} from './engine/knowledge.js';
export { defaultKnowledge } from './knowledge/default.js';
export { evidenceOf, summaryOf } from './story/evidence.js';
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
  type ProcessTableOptions,
} from './story/process-table.js';
export { TEXT_POOL_SIZE, TextPool } from './events/text-pool.js';
export {
  STORY_CONNECTION_LIMIT,
  STORY_DNS_LIMIT,
  STORY_FILE_LIMIT,
  StoryCollector,
  orderSteps,
  type StoryCollectorOptions,
  type ProcessActivities,
  type ProcessStory,
  type StoryDropped,
  type StorySource,
} from './story/story.js';
export {
  CHAIN_EVIDENCE_LIMIT,
  CONNECT_TO_FILE_WINDOW_MS,
  DNS_LOGGED_LATE_MS,
  DNS_TO_CONNECT_WINDOW_MS,
  chainActivity,
  chainFindings,
  mappedIpKey,
  type ChainOptions,
} from './story/chain.js';
export { StoryCompactor, TEXT_POOL_LIMIT, type StoryActivity } from './story/compact.js';
export {
  TimelineBuilder,
  compareRows,
  imageFileName,
  timelineRow,
  type TimelineBuilderOptions,
  type TimelineEntry,
  type TimelineFilter,
  type TimelineRow,
} from './story/timeline.js';
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
  SUGGESTION_MAX_EDITS,
  sysmonEventFields,
  unknownEventFields,
  type UnknownField,
} from './sysmon-config/field-check.js';
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

// Exports and time zones for the workbench and `--format csv` (src/export, src/time-zone).
export {
  TIME_ZONE_NAME_LIMIT,
  TimeZoneError,
  listTimeZones,
  localTimeZone,
  resolveTimeZone,
  type TimeZoneChoice,
} from './time-zone/zone.js';
export {
  FRACTION_DIGITS,
  InstantSyntaxError,
  OFFSET_CACHE_LIMIT,
  ZonedTimeFormatter,
  formatInstant,
  offsetText,
  parseUtcInstant,
  type UtcInstant,
} from './time-zone/format.js';
export {
  FORMULA_GUARD,
  FORMULA_TRIGGERS,
  describeFormulaNeutralisation,
  looksLikeFormula,
  neutraliseFormula,
} from './export/formula.js';
export {
  CsvWriter,
  DEFAULT_TIME_FIELDS,
  csvLines,
  quoteCsvField,
  type CsvColumn,
  type CsvOptions,
} from './export/csv.js';
export {
  JsonlWriter,
  findingJsonLines,
  jsonLine,
  recordJsonLines,
  type JsonlOptions,
} from './export/jsonl.js';
export { ECS_FINDING_VERSION, findingEcsDocument } from './export/ecs-findings.js';
export { ECS_VERSION, EcsDocument } from './export/ecs-document.js';
export { ecsRecordDocument, ecsRecordLine } from './export/ecs-records.js';
export {
  TIMESTAMP_DESC,
  epochMicroseconds,
  timesketchLine,
  timesketchMessage,
} from './export/timesketch.js';
export { TERMINAL_UNSAFE, exportJsonText } from './export/export-json.js';
export type { ExportRecord } from './export/export-record.js';

// What events and fields mean, for the details pane, and the Sysmon field names (src/docs).
export { eventDoc, type EventDoc, type FieldDocs } from './docs/model.js';
export {
  NEWEST_SYSMON_SCHEMA,
  OLDEST_SYSMON_SCHEMA,
  SYSMON_EVENT_FIELDS,
  compareSchemaVersions,
  isSysmonFieldName,
  sysmonFieldNames,
  type SysmonEventFields,
  type SysmonField,
} from './docs/sysmon-fields.js';
export {
  EVENTLOG_PROVIDER,
  POWERSHELL_PROVIDER,
  SECURITY_AUDITING_PROVIDER,
  SERVICE_CONTROL_MANAGER_PROVIDER,
} from './docs/providers.js';
export { SYSMON_COMMON_FIELDS } from './docs/sysmon-common-fields.js';
export { SYSMON_EVENT_DOCS } from './docs/sysmon-docs.js';
export { SECURITY_COMMON_FIELDS, SECURITY_EVENT_DOCS } from './docs/security-docs.js';
export { SECURITY_ACCOUNT_EVENT_DOCS } from './docs/security-account-docs.js';
export { WINDOWS_LOG_EVENT_DOCS } from './docs/windows-log-docs.js';
export { EVENT_DOCS, SYSTEM_FIELD_DOCS, describeEvent, describeField } from './docs/describe.js';
// Decoded values shown beside raw ones: logon types, status codes, access masks, Kerberos
// options, integrity levels, well-known SIDs, Sysmon hash strings (src/decode).
export { decodedParts, decodedText, type DecodedValue, type Decoder } from './decode/model.js';
export { hexCode, readCode } from './decode/number.js';
export { flagNames, type FlagName } from './decode/flags.js';
export { LOGON_TYPES, decodeLogonType } from './decode/logon-type.js';
export {
  KERBEROS_RESULT_CODES,
  NTSTATUS_CODES,
  decodeKerberosResult,
  decodeNtStatus,
} from './decode/status.js';
export {
  ENCRYPTION_TYPES,
  TICKET_OPTIONS,
  decodeEncryptionType,
  decodeTicketOptions,
} from './decode/kerberos.js';
export {
  FILE_RIGHTS,
  KEY_RIGHTS,
  PROCESS_RIGHTS,
  decodeAccessMask,
  decodeProcessAccess,
} from './decode/access-mask.js';
export {
  MANDATORY_LABELS,
  decodeIntegrityLevel,
  decodeMandatoryLabel,
} from './decode/integrity.js';
export { DOMAIN_RIDS, WELL_KNOWN_SIDS, decodeSid } from './decode/sids.js';
export { HASH_PAIRS_MAX, decodeHashes, splitHashes, type FileHash } from './decode/hashes.js';
export { DECODE_MAX_CHARS, decodeField, type DecodeContext } from './decode/decode-field.js';
// Ready-made hunts of the Hunts menu, one file each (src/hunts).
export type { FindingsTarget, HuntTarget, QueryTarget, RareBy, ReadyHunt } from './hunts/model.js';
export { READY_HUNTS, readyHunt } from './hunts/catalogue.js';
export { RARE_QUERY_VALUES, rareQuery, rareValues, type RareValues } from './hunts/rare.js';
// The query language of the workbench and `--query` (src/query): parse, compile, format, share.
export type {
  AllNode,
  AndNode,
  Bound,
  CompareMatch,
  CompareOperator,
  ExistsMatch,
  GlobMatch,
  NotNode,
  NumberBound,
  OrNode,
  QueryNode,
  RangeMatch,
  RegexMatch,
  TermNode,
  TextMatch,
  TextRange,
  TimeBound,
  TimeMatch,
  ValueMatch,
} from './query/ast.js';
export {
  QUERY_MAX_CHARS,
  QUERY_MAX_DEPTH,
  QUERY_MAX_TERMS,
  REGEX_MAX_CHARS,
} from './query/limits.js';
export type { QueryProblem } from './query/problem.js';
export { parseQuery, type QueryOptions, type QueryParseResult } from './query/parse.js';
export { FIELD_ALIASES, QUERY_SYSTEM_FIELDS } from './query/field-names.js';
export { REGEX_FLAGS, compileSafeRegex, type RegexProblem, type RegexTest } from './query/regex.js';
export { LinearRegex } from './query/regex-linear.js';
export { LinearRegexError, parseRegex, type RegexNode } from './query/regex-syntax.js';
export { compileQuery, type QueryRow, type RowPredicate } from './query/compile.js';
export { EventRecordRow, queryFilter, type QueryableRecord } from './query/record-row.js';
export {
  SYSTEM_EXTRA_FIELDS,
  SYSTEM_EXTRA_NAMES,
  isSystemExtraField,
  levelName,
  levelValues,
  systemExtraText,
  type SystemExtraField,
  type SystemExtras,
} from './query/parser-fields.js';
export { formatQuery, quoteText } from './query/format.js';
export { allOf, anyOf, fieldEquals, negated, timeWindow } from './query/build.js';
export { compileGlob, type GlobMatcher } from './query/glob.js';
export {
  DEFAULT_VIEW_STATE,
  VIEW_MAX_NAMES,
  VIEW_NAME_MAX_CHARS,
  VIEW_STATE_MAX_CHARS,
  VIEW_STATE_VERSION,
  decodeViewState,
  encodeViewState,
  type DecodedViewState,
  type SortKey,
  type ViewState,
} from './query/view-state.js';
export { decodeConfigText } from './sysmon-config/decode.js';
