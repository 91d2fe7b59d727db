/**
 * Beside the findings: what shapes them. A Sysmon configuration shows its blind spots (programs
 * and places whose connections it would never log); without one, the coverage the logs reveal.
 * An allowlist hides known-good findings, counted per rule. Sigma rules add findings of their own.
 */
import type { BlindSpot, CoverageSection } from '@evtxhunt/hunt';

import { count, plural } from '../../files/describe.js';
import type { LoadedConfig } from '../../hunt/setup-files.js';
import type { HuntSession, HuntResult } from '../../session/hunt.js';
import { SigmaRules } from '../sigma/sigma-rules.js';

const CATEGORY_NAMES: Readonly<Record<BlindSpot['category'], string>> = {
  lolbin: 'LOLBins',
  'user-writable': 'User-writable places',
  'common-process': 'Common programs',
};

/** The panel. */
export function SetupPanel({ hunt }: { readonly hunt: HuntSession }) {
  const config = hunt.config.value;
  const allowlist = hunt.allowlist.value;
  const problem = hunt.problem.value;
  return (
    <aside class="setup" aria-label="Hunt setup">
      <SigmaRules hunt={hunt} />
      <h2>Sysmon configuration</h2>
      <FilePicker
        label={config === undefined ? 'Load a Sysmon config…' : 'Load another config…'}
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
              aria-label="Forget the Sysmon configuration"
              onClick={() => hunt.clear('config')}
            >
              Forget it
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
      <h2>Allowlist</h2>
      <FilePicker
        label={allowlist === undefined ? 'Load an allowlist…' : 'Load another allowlist…'}
        accept=".txt,.allowlist,text/plain"
        onPick={(file) => void hunt.loadAllowlist(file, file.name)}
      />
      {allowlist !== undefined && (
        <p class="setup-file">
          {`${allowlist.name}: ${plural(allowlist.allowlist.rules.length, 'rule')} `}
          <button
            type="button"
            class="link"
            aria-label="Forget the allowlist"
            onClick={() => hunt.clear('allowlist')}
          >
            Forget it
          </button>
        </p>
      )}
      <Suppressed result={hunt.result.value} loaded={allowlist !== undefined} />
    </aside>
  );
}

interface FilePickerProps {
  readonly label: string;
  readonly accept: string;
  readonly onPick: (file: File) => void;
}

function FilePicker({ label, accept, onPick }: FilePickerProps) {
  return (
    <label class="button">
      {label}
      <input
        type="file"
        class="visually-hidden"
        accept={accept}
        aria-label={label.replace('…', '')}
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
  if (coverage === undefined) return null;
  const spots = coverage.blindSpots;
  return (
    <section class="coverage" aria-label="Coverage">
      <h3>
        {coverage.basis === 'config'
          ? `Blind spots: ${count(spots.length)}`
          : 'Coverage inferred from the logs'}
      </h3>
      {(Object.keys(CATEGORY_NAMES) as BlindSpot['category'][]).map((category) => (
        <SpotGroup
          key={category}
          category={category}
          spots={spots.filter((spot) => spot.category === category)}
        />
      ))}
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
  if (props.spots.length === 0) return null;
  const reasons = [...new Set(props.spots.map((spot) => spot.reason))];
  return (
    <div class="spot-group">
      <h4>{`${CATEGORY_NAMES[props.category]} (${count(props.spots.length)})`}</h4>
      {reasons.map((reason) => (
        <div key={reason}>
          <p class="spot-reason">{`${reason}:`}</p>
          <ul class="spot-labels" aria-label={`${CATEGORY_NAMES[props.category]}: ${reason}`}>
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
  const warnings = config.config.warnings;
  if (warnings.length === 0) return null;
  return (
    <details class="config-warnings">
      <summary>{`${plural(warnings.length, 'warning')} about the configuration`}</summary>
      <ul>
        {warnings.map((warning, at) => (
          <li key={at}>{`line ${warning.line}: ${warning.message}`}</li>
        ))}
      </ul>
    </details>
  );
}

function Suppressed({ result, loaded }: { result: HuntResult | undefined; loaded: boolean }) {
  if (!loaded || result === undefined) return null;
  if (result.suppressed.length === 0) return <p class="hunt-note">No finding matched a rule.</p>;
  return (
    <ul class="suppressed" aria-label="Suppressed findings">
      {result.suppressed.map((entry) => (
        <li key={entry.line}>
          <span>{`${count(entry.count)} suppressed by line ${entry.line}: `}</span>
          <code>{entry.rule}</code>
          <span class="hunt-note">{` (${entry.kinds.join(', ')})`}</span>
        </li>
      ))}
    </ul>
  );
}
