/**
 * The "Sigma rules" control beside the findings: a folder of rules or a .zip of them, how many
 * loaded, and the reasons of those that did not in a list the user opens; the files that are
 * not rules, archives that are not zips and rule ids several files share. Rule files, names and
 * reasons are attacker-controlled text: set as text only, controls and direction marks shown as
 * escapes.
 */
import { useState } from 'preact/hooks';

import type { SigmaLoad, SigmaOutcome } from '../../hunt/sigma-state.js';
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import type { HuntSession } from '../../session/hunt.js';
import { ruleFilesOf, type PickedFile } from '../../session/sigma.js';
import { visibleText } from '../visible-text.js';

/** The control. */
export function SigmaRules({ hunt }: { readonly hunt: HuntSession }) {
  const { t } = useI18n();
  const status = hunt.sigma.value;
  // Why the last pick was not loaded: it held no rule file (an empty folder gives no name).
  const [empty, setEmpty] = useState<string | undefined>(undefined);
  const pick = (files: readonly PickedFile[]) => {
    const { files: rules, name } = ruleFilesOf(files);
    const named = name === '' ? t('sigma.pickedFolder') : name;
    setEmpty(rules.length === 0 ? t('sigma.noYaml', { name: named }) : undefined);
    if (rules.length > 0) void hunt.loadRules(files);
  };
  return (
    <section class="sigma-rules" aria-label={t('sigma.label')}>
      <h2>{t('sigma.label')}</h2>
      <div class="sigma-pickers">
        <RulePicker
          label={t('sigma.loadFolder')}
          name={t('sigma.loadFolderLabel')}
          folder
          onPick={pick}
        />
        <RulePicker
          label={t('sigma.loadZip')}
          name={t('sigma.loadZipLabel')}
          accept=".zip,.yml,.yaml"
          onPick={pick}
        />
      </div>
      {empty !== undefined && (
        <p class="problem sigma-empty" role="alert">
          {visibleText(empty)}
        </p>
      )}
      {status.state === 'loading' && (
        <p class="hunt-note sigma-status">
          {t('sigma.compiling', { name: visibleText(status.name) })}
        </p>
      )}
      {status.state === 'failed' && (
        <p class="problem" role="alert">
          {t('sigma.failed', {
            name: visibleText(status.name),
            message:
              status.notRunning === true ? t('hunt.notRunning') : visibleText(status.message),
          })}
        </p>
      )}
      {status.state === 'loaded' && <Loaded name={status.name} load={status.load} />}
      {status.state === 'loaded' && <Matched outcome={hunt.outcome.value?.sigma} />}
    </section>
  );
}

interface RulePickerProps {
  /** The button's text. */
  readonly label: string;
  /** The file input's accessible name. */
  readonly name: string;
  readonly folder?: boolean;
  readonly accept?: string;
  readonly onPick: (files: readonly PickedFile[]) => void;
}

function RulePicker({ label, name, folder = false, accept, onPick }: RulePickerProps) {
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
        aria-label={name}
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
  const tr = useI18n();
  const { t } = tr;
  return (
    <>
      <p class="setup-file sigma-status">{loadLine(visibleText(name), load, tr)}</p>
      {load.unreadArchives.map((archive, at) => (
        <p class="problem sigma-unread" key={at}>
          {t('sigma.notZip', {
            file: visibleText(archive.file),
            reason: visibleText(archive.reason),
          })}
        </p>
      ))}
      <Failures load={load} />
      <NotRules load={load} />
      {load.sharedIds.map(({ id, files }) => (
        <p class="problem sigma-shared-id" key={id}>
          {t('sigma.sharedId', {
            id: visibleText(id),
            count: files.length,
            files: visibleText(files.join(', ')),
          })}
        </p>
      ))}
    </>
  );
}

/**
 * `rules/: 3 rules and 1 correlation loaded, 2 did not load`, or, when the pick held no rule
 * file, `No .yml/.yaml files in rules.zip`. `name` is shown as given.
 */
export function loadLine(name: string, load: SigmaLoad, { t }: Translator): string {
  if (load.yamlFiles === 0) {
    return load.unreadArchives.length === 0
      ? t('sigma.noYaml', { name })
      : t('sigma.noRules', { name });
  }
  const loaded =
    load.correlations === 0
      ? t('sigma.loaded', { name, count: load.rules })
      : t('sigma.loadedCorrelations', {
          name,
          rules: t('sigma.rules', { count: load.rules }),
          count: load.correlations,
        });
  return load.failureCount === 0
    ? loaded
    : t('sigma.notLoaded', { loaded, count: load.failureCount });
}

function Failures({ load }: { load: SigmaLoad }) {
  const { t } = useI18n();
  if (load.failureCount === 0) return null;
  return (
    <details class="sigma-failures">
      <summary>{t('sigma.why', { count: load.failureCount })}</summary>
      {/* TODO: why a rule did not load is the Sigma compiler's text, in English. */}
      <ul>
        {load.failures.map((failure, at) => (
          <li key={at}>
            <code>{visibleText(failure.file)}</code>
            {t('sigma.failure', { reason: visibleText(failure.reason) })}
          </li>
        ))}
      </ul>
      {load.failureCount > load.failures.length && (
        <p class="hunt-note">
          {t('sigma.andMore', { count: load.failureCount - load.failures.length })}
        </p>
      )}
    </details>
  );
}

/** The .yml/.yaml files that are not rules (the rule set's regression info.yml files). */
function NotRules({ load }: { load: SigmaLoad }) {
  const { t } = useI18n();
  if (load.notRuleCount === 0) return null;
  const more = load.notRuleCount - load.notRules.length;
  return (
    <details class="sigma-not-rules">
      <summary>{t('sigma.notRules', { count: load.notRuleCount })}</summary>
      <ul>
        {load.notRules.map((file, at) => (
          <li key={at}>
            <code>{visibleText(file)}</code>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="hunt-note">{t('sigma.andMore', { count: more })}</p>}
    </details>
  );
}

/** What the rules found in the last report, and the correlation groups they could not follow. */
function Matched({ outcome }: { outcome: SigmaOutcome | undefined }) {
  const { t } = useI18n();
  if (outcome === undefined) return null;
  const dropped = outcome.droppedGroups;
  return (
    <>
      <p class="hunt-note sigma-matched-count">
        {t('sigma.matched', {
          findings: t('sigma.findings', { count: outcome.findings.length }),
          count: outcome.records,
        })}
      </p>
      {dropped > 0 && <p class="problem">{t('sigma.dropped', { count: dropped })}</p>}
    </>
  );
}
