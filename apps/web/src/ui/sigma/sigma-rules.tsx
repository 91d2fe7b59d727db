/**
 * The "Sigma rules" control beside the findings: a folder of rules or a .zip of them, how many
 * loaded, and the reasons of those that did not in a list the user opens; the files that are
 * not rules, archives that are not zips and rule ids several files share. Rule files, names and
 * reasons are attacker-controlled text: set as text only, controls and direction marks shown as
 * escapes.
 */
import { useState } from 'preact/hooks';

import { count, plural } from '../../files/describe.js';
import type { SigmaLoad, SigmaOutcome } from '../../hunt/sigma-state.js';
import type { HuntSession } from '../../session/hunt.js';
import { ruleFilesOf, type PickedFile } from '../../session/sigma.js';
import { visibleText } from '../visible-text.js';

/** The control. */
export function SigmaRules({ hunt }: { readonly hunt: HuntSession }) {
  const status = hunt.sigma.value;
  // Why the last pick was not loaded: it held no rule file (an empty folder gives no name).
  const [empty, setEmpty] = useState<string | undefined>(undefined);
  const pick = (files: readonly PickedFile[]) => {
    const { files: rules, name } = ruleFilesOf(files);
    setEmpty(
      rules.length === 0 ? `No .yml/.yaml files in ${name || 'the picked folder'}` : undefined,
    );
    if (rules.length > 0) void hunt.loadRules(files);
  };
  return (
    <section class="sigma-rules" aria-label="Sigma rules">
      <h2>Sigma rules</h2>
      <div class="sigma-pickers">
        <RulePicker label="Load a rules folder…" folder onPick={pick} />
        <RulePicker label="Load a rules .zip…" accept=".zip,.yml,.yaml" onPick={pick} />
      </div>
      {empty !== undefined && (
        <p class="problem sigma-empty" role="alert">
          {visibleText(empty)}
        </p>
      )}
      {status.state === 'loading' && (
        <p class="hunt-note sigma-status">{visibleText(`Compiling ${status.name}…`)}</p>
      )}
      {status.state === 'failed' && (
        <p class="problem" role="alert">
          {visibleText(`${status.name}: ${status.message}`)}
        </p>
      )}
      {status.state === 'loaded' && <Loaded name={status.name} load={status.load} />}
      {status.state === 'loaded' && <Matched outcome={hunt.outcome.value?.sigma} />}
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
          // An empty folder is a pick too, to be told it holds no rules.
          const files = Array.from(input.files ?? []);
          if (files.length > 0 || folder) onPick(files);
          input.value = '';
        }}
      />
    </label>
  );
}

function Loaded({ name, load }: { name: string; load: SigmaLoad }) {
  return (
    <>
      <p class="setup-file sigma-status">{visibleText(loadLine(name, load))}</p>
      {load.unreadArchives.map((archive, at) => (
        <p class="problem sigma-unread" key={at}>
          {visibleText(`${archive.file} could not be read as a zip: ${archive.reason}`)}
        </p>
      ))}
      <Failures load={load} />
      <NotRules load={load} />
      {load.sharedIds.map(({ id, files }) => (
        <p class="problem sigma-shared-id" key={id}>
          {visibleText(
            `Rule id ${id} is in ${files.length} files, each reports its matches: ${files.join(', ')}`,
          )}
        </p>
      ))}
    </>
  );
}

/**
 * `rules/: 3 rules and 1 correlation loaded, 2 did not load`, or, when the pick held no rule
 * file, `No .yml/.yaml files in rules.zip`.
 */
export function loadLine(name: string, load: SigmaLoad): string {
  if (load.yamlFiles === 0) {
    return load.unreadArchives.length === 0
      ? `No .yml/.yaml files in ${name}`
      : `${name}: no rules`;
  }
  const correlations =
    load.correlations === 0 ? '' : ` and ${plural(load.correlations, 'correlation')}`;
  const failed = load.failureCount === 0 ? '' : `, ${count(load.failureCount)} did not load`;
  return `${name}: ${plural(load.rules, 'rule')}${correlations} loaded${failed}`;
}

function Failures({ load }: { load: SigmaLoad }) {
  if (load.failureCount === 0) return null;
  return (
    <details class="sigma-failures">
      <summary>{`Why ${plural(load.failureCount, 'rule')} did not load`}</summary>
      <ul>
        {load.failures.map((failure, at) => (
          <li key={at}>
            <code>{visibleText(failure.file)}</code>
            {visibleText(`: ${failure.reason}`)}
          </li>
        ))}
      </ul>
      {load.failureCount > load.failures.length && (
        <p class="hunt-note">{`and ${count(load.failureCount - load.failures.length)} more`}</p>
      )}
    </details>
  );
}

/** The .yml/.yaml files that are not rules (the rule set's regression info.yml files). */
function NotRules({ load }: { load: SigmaLoad }) {
  if (load.notRuleCount === 0) return null;
  const more = load.notRuleCount - load.notRules.length;
  return (
    <details class="sigma-not-rules">
      <summary>
        {load.notRuleCount === 1
          ? '1 file is not a Sigma rule (no title or detection)'
          : `${count(load.notRuleCount)} files are not Sigma rules (no title or detection)`}
      </summary>
      <ul>
        {load.notRules.map((file, at) => (
          <li key={at}>
            <code>{visibleText(file)}</code>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="hunt-note">{`and ${count(more)} more`}</p>}
    </details>
  );
}

/** What the rules found in the last report, and the correlation groups they could not follow. */
function Matched({ outcome }: { outcome: SigmaOutcome | undefined }) {
  if (outcome === undefined) return null;
  const dropped = outcome.droppedGroups;
  return (
    <>
      <p class="hunt-note sigma-matched-count">
        {`${plural(outcome.findings.length, 'finding')} in ${plural(outcome.records, 'event')}`}
      </p>
      {dropped > 0 && (
        <p class="problem">{`${plural(dropped, 'correlation group')} not followed: over the limit`}</p>
      )}
    </>
  );
}
