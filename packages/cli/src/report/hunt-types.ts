/**
 * The hunt report types the renderers read. The hunt package does not export them from its
 * entry yet, so this one file reaches into its sources for types only (erased at run time).
 * TODO: import these from '@evtxhunt/hunt' once its index exports the finding and report types.
 */
export type {
  BeaconDetail,
  Evidence,
  Finding,
  FindingKind,
  Severity,
  StoryStep,
} from '../../../hunt/src/findings/finding.js';
export type {
  BlindSpot,
  CoverageSection,
  HuntInput,
  HuntReport,
  NetworkPivotRow,
  SuppressedCount,
} from '../../../hunt/src/findings/report.js';
