/** @evtxhunt/sigma: Sigma rules compiled to matchers over the hunt engine's plain records. */
export { SigmaRuleError } from './errors.js';
export { parseCondition, identifiersOf, type Condition } from './condition.js';
export { parseModifiers, type Modifiers } from './modifiers.js';
export { compilePattern, parsePattern, type Pattern, type StringTest } from './pattern.js';
export { base64, base64Offsets, utf16, windashVariants, WINDASH_CHARS } from './encode.js';
export { bindLogSource, SYSMON_CHANNEL, type LogSource, type SourceBinding } from './logsource.js';
export { SECURITY_4688_FIELDS, UNMAPPED_4688, type FieldMap } from './field-map.js';
export { SIGMA_LEVELS, type CompiledRule, type SigmaLevel, type SigmaRuleInfo } from './rule.js';
export {
  SigmaRuleSet,
  type RuleFailure,
  type RuleSource,
  type SigmaMatch,
  type SigmaOptions,
  type SigmaCorrelationRun,
} from './rule-set.js';
export { CORRELATION_TYPES, type CorrelationInfo, type CorrelationType } from './correlation.js';
export {
  CORRELATION_EVENTS_KEPT,
  REORDER_LIMIT,
  CorrelationRun,
  type CorrelationMatch,
} from './correlation-run.js';
export { GROUP_ENTRY_LIMIT, GROUP_LIMIT } from './correlation-window.js';
export { SigmaScan } from './scan.js';
export { isSigmaText } from './rule-text.js';
export { ticksOf, timeOf } from './ticks.js';
export { SigmaFindings, attackTechniques, correlationFindings, sigmaFindings } from './findings.js';
