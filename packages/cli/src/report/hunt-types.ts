/** The hunt report types the renderers read, from the hunt package's entry. */
export type {
  BeaconDetail,
  BlindSpot,
  CoverageSection,
  Evidence,
  Finding,
  FindingKind,
  HuntInput,
  HuntReport,
  NetworkPivotRow,
  Severity,
  SourceStatus,
  StoryStep,
  SuppressedCount,
} from '@evtxhunt/hunt';
