/**
 * The "Sigma rules" control beside the findings: a folder of rules or a .zip of them, how many
 * loaded, and the reasons of those that did not in a list the user opens. Rule files, names
 * and reasons are attacker-controlled text: they are only ever set as text, never as markup.
 */
import { count, plural } from '../../files/describe.js';
import type { SigmaLoad, SigmaOutcome } from '../../hunt/sigma-state.js';
import type { HuntSession } from '../../session/hunt.js';
import type { PickedFile } from '../../session/sigma.js';

/** The control. */
export function SigmaRules({ hunt }: { readonly hunt: HuntSession }) {
  const status = hunt.sigma.value;
  const pick = (files: readonly PickedFile[]) => void hunt.loadRules(files);
  return (
    <section class="sigma-rules" aria-label="Sigma rules">
      <h2>Sigma rules</h2>
      <div class="sigma-pickers">
        <RulePicker label="Load a rules folder…" folder onPick={pick} />
        <RulePicker label="Load a rules .zip…" accept=".zip,.yml,.yaml" onPick={pick} />
      </div>
      {status.state === 'loading' && (
        <p class="hunt-note sigma-status">{`Compiling ${status.name}…`}</p>
      )}
      {status.state === 'failed' && (
        <p class="problem" role="alert">{`${status.name}: ${status.message}`}</p>
      )}
      {status.state === 'loaded' && <Loaded name={status.name} load={status.load} />}
      {status.state === 'loaded' && <Matched outcome={hunt.outcome.value?.sigma} />}
      {status.state !== 'none' && (
        <button type="button" class="link sigma-forget" onClick={() => void hunt.forgetRules()}>
          Forget rules
        </button>
      )}
    </section>
  );
}

interface RulePickerProps {
  readonly label: string;
  readonly folder?: boolean;
  readonly accept?: string;
  readonly onPick: (files: readonly PickedFile[]) => void;
}

function RulePicker({ label, folder = false, accept, onPick }: RulePickerProps) {
  // Chromium's folder picker: a boolean DOM property (an empty string would set it false).
  const folderAttributes = folder ? { webkitdirectory: true } : {};
  return (
    <label class="button">
      {label}
      <input
        type="file"
        class="visually-hidden"
        multiple
        {...(accept === undefined ? {} : { accept })}
        {...folderAttributes}
        aria-label={label.replace('…', '')}
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const files = Array.from(input.files ?? []);
          if (files.length > 0) onPick(files);
          input.value = '';
        }}
      />
    </label>
  );
}

function Loaded({ name, load }: { name: string; load: SigmaLoad }) {
  const correlations =
    load.correlations === 0 ? '' : ` and ${plural(load.correlations, 'correlation')}`;
  const failed = load.failureCount === 0 ? '' : `, ${count(load.failureCount)} did not load`;
  return (
    <>
      <p class="setup-file sigma-status">
        {`${name}: ${plural(load.rules, 'rule')}${correlations} loaded${failed}`}
      </p>
      {load.failureCount > 0 && (
        <details class="sigma-failures">
          <summary>{`Why ${plural(load.failureCount, 'rule')} did not load`}</summary>
          <ul>
            {load.failures.map((failure, at) => (
              <li key={at}>
                <code>{failure.file}</code>
                {`: ${failure.reason}`}
              </li>
            ))}
          </ul>
          {load.failureCount > load.failures.length && (
            <p class="hunt-note">{`and ${count(load.failureCount - load.failures.length)} more`}</p>
          )}
        </details>
      )}
    </>
  );
}

/** What the rules found in the last report, and the correlation groups they could not follow. */
function Matched({ outcome }: { outcome: SigmaOutcome | undefined }) {
  if (outcome === undefined) return null;
  const { droppedGroups, unkeptMatches, lateMatches } = outcome;
  return (
    <>
      <p class="hunt-note sigma-matched-count">
        {`${plural(outcome.findings.length, 'finding')} in ${plural(outcome.records, 'event')}`}
      </p>
      {droppedGroups > 0 && (
        <p class="problem">{`${plural(droppedGroups, 'correlation group')} not followed: over the limit`}</p>
      )}
      {unkeptMatches > 0 && (
        <p class="problem">
          {`${plural(unkeptMatches, 'match', 'matches')} not given to the correlations: over the limit`}
        </p>
      )}
      {lateMatches > 0 && (
        <p class="problem">
          {`${plural(lateMatches, 'match', 'matches')} too far out of time order for the correlations`}
        </p>
      )}
    </>
  );
}
