/**
 * Beside the findings: what shapes them. A Sysmon configuration shows its blind spots (programs
 * and places whose connections it would never log); without one, the coverage the logs reveal.
 * An allowlist hides known-good findings, counted per rule. Sigma rules add findings of their own.
 */
import type { BlindSpot, CoverageSection } from '@evtxhunt/hunt';

import type { LoadedConfig } from '../../hunt/setup-files.js';
import { useI18n } from '../../i18n/context.js';
import type { HuntSession, HuntResult } from '../../session/hunt.js';
import { SigmaRules } from '../sigma/sigma-rules.js';
import { visibleText } from '../visible-text.js';

const CATEGORY_NAMES = {
  lolbin: 'setup.lolbin',
  'user-writable': 'setup.userWritable',
  'common-process': 'setup.commonProcess',
} as const satisfies Readonly<Record<BlindSpot['category'], string>>;

/** The panel. */
export function SetupPanel({ hunt }: { readonly hunt: HuntSession }) {
  const { t } = useI18n();
  const config = hunt.config.value;
  const allowlist = hunt.allowlist.value;
  const problem = hunt.problem.value;
  return (
    <aside class="setup" aria-label={t('setup.label')}>
      <SigmaRules hunt={hunt} />
      <h2>{t('setup.sysmon')}</h2>
      <FilePicker
        label={t(config === undefined ? 'setup.loadConfig' : 'setup.loadAnotherConfig')}
        name={t(config === undefined ? 'setup.loadConfigLabel' : 'setup.loadAnotherConfigLabel')}
        accept=".xml"
        onPick={(file) => void hunt.loadConfig(file, file.name)}
      />
      {config !== undefined && (
        <>
          <p class="setup-file">
            {`${config.name} `}
            <button
              type="button"
              class="link"
              aria-label={t('setup.forgetConfig')}
              onClick={() => hunt.clear('config')}
            >
              {t('setup.forget')}
            </button>
          </p>
          <ConfigWarnings config={config} />
        </>
      )}
      {problem !== undefined && (
        <p class="problem" role="alert">
          {problem.message}
        </p>
      )}
      <Coverage coverage={hunt.coverage.value} />
      <h2>{t('setup.allowlist')}</h2>
      <FilePicker
        label={t(allowlist === undefined ? 'setup.loadAllowlist' : 'setup.loadAnotherAllowlist')}
        name={t(
          allowlist === undefined ? 'setup.loadAllowlistLabel' : 'setup.loadAnotherAllowlistLabel',
        )}
        accept=".txt,.allowlist,text/plain"
        onPick={(file) => void hunt.loadAllowlist(file, file.name)}
      />
      {allowlist !== undefined && (
        <p class="setup-file">
          {`${t('setup.allowlistRules', { name: allowlist.name, count: allowlist.allowlist.rules.length })} `}
          <button
            type="button"
            class="link"
            aria-label={t('setup.forgetAllowlist')}
            onClick={() => hunt.clear('allowlist')}
          >
            {t('setup.forget')}
          </button>
        </p>
      )}
      <Suppressed result={hunt.result.value} loaded={allowlist !== undefined} />
    </aside>
  );
}

interface FilePickerProps {
  /** The button's text. */
  readonly label: string;
  /** The file input's accessible name. */
  readonly name: string;
  readonly accept: string;
  readonly onPick: (file: File) => void;
}

function FilePicker({ label, name, accept, onPick }: FilePickerProps) {
  return (
    <label class="button">
      {label}
      <input
        type="file"
        class="visually-hidden"
        accept={accept}
        aria-label={name}
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file !== undefined) onPick(file);
          input.value = '';
        }}
      />
    </label>
  );
}

function Coverage({ coverage }: { coverage: CoverageSection | undefined }) {
  const { t } = useI18n();
  if (coverage === undefined) return null;
  const spots = coverage.blindSpots;
  return (
    <section class="coverage" aria-label={t('setup.coverage')}>
      <h3>
        {coverage.basis === 'config'
          ? t('setup.blindSpots', { count: spots.length })
          : t('setup.inferred')}
      </h3>
      {(Object.keys(CATEGORY_NAMES) as BlindSpot['category'][]).map((category) => (
        <SpotGroup
          key={category}
          category={category}
          spots={spots.filter((spot) => spot.category === category)}
        />
      ))}
      {/* TODO: coverage notes, blind spots and their reasons are the engine's, in English. */}
      <ul class="coverage-notes">
        {coverage.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

/** One category's blind spots, gathered under each reason so a long list stays short. */
function SpotGroup(props: { category: BlindSpot['category']; spots: readonly BlindSpot[] }) {
  const { t } = useI18n();
  if (props.spots.length === 0) return null;
  const reasons = [...new Set(props.spots.map((spot) => spot.reason))];
  const category = t(CATEGORY_NAMES[props.category]);
  return (
    <div class="spot-group">
      <h4>{t('setup.spotGroup', { category, count: props.spots.length })}</h4>
      {reasons.map((reason) => (
        <div key={reason}>
          <p class="spot-reason">{t('setup.spotReason', { reason })}</p>
          <ul class="spot-labels" aria-label={t('setup.spotLabels', { category, reason })}>
            {props.spots
              .filter((spot) => spot.reason === reason)
              .map((spot) => (
                <li key={spot.label}>{spot.label}</li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function ConfigWarnings({ config }: { config: LoadedConfig }) {
  const { t } = useI18n();
  const warnings = config.config.warnings;
  if (warnings.length === 0) return null;
  return (
    <details class="config-warnings">
      <summary>{t('setup.warnings', { count: warnings.length })}</summary>
      <ul>
        {warnings.map((warning, at) => (
          <li key={at}>
            {t('setup.warningLine', { line: String(warning.line), message: warning.message })}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Suppressed({ result, loaded }: { result: HuntResult | undefined; loaded: boolean }) {
  const { t } = useI18n();
  if (!loaded || result === undefined) return null;
  if (result.suppressed.length === 0) return <p class="hunt-note">{t('setup.noneSuppressed')}</p>;
  return (
    <ul class="suppressed" aria-label={t('setup.suppressedLabel')}>
      {result.suppressed.map((entry) => (
        <li key={entry.line}>
          <span>{t('setup.suppressed', { count: entry.count, line: String(entry.line) })}</span>
          <code>{visibleText(entry.rule)}</code>
          <span class="hunt-note">{` (${entry.kinds.join(', ')})`}</span>
        </li>
      ))}
    </ul>
  );
}
