/**
 * The "Sigma rules" control beside the findings: a folder of rules or a .zip of them, how many
 * loaded, and the reasons of those that did not in a list the user opens. Rule files, names
 * and reasons are attacker-controlled text: they are only ever set as text, never as markup.
 */
import type { SigmaLoad, SigmaOutcome } from '../../hunt/sigma-state.js';
import { useI18n } from '../../i18n/context.js';
import type { HuntSession } from '../../session/hunt.js';
import type { PickedFile } from '../../session/sigma.js';

/** The control. */
export function SigmaRules({ hunt }: { readonly hunt: HuntSession }) {
  const { t } = useI18n();
  const status = hunt.sigma.value;
  const pick = (files: readonly PickedFile[]) => void hunt.loadRules(files);
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
      {status.state === 'loading' && (
        <p class="hunt-note sigma-status">{t('sigma.compiling', { name: status.name })}</p>
      )}
      {status.state === 'failed' && (
        <p class="problem" role="alert">
          {t('sigma.failed', {
            name: status.name,
            message: status.notRunning === true ? t('hunt.notRunning') : status.message,
          })}
        </p>
      )}
      {status.state === 'loaded' && <Loaded name={status.name} load={status.load} />}
      {status.state === 'loaded' && <Matched outcome={hunt.outcome.value?.sigma} />}
      {status.state !== 'none' && (
        <button type="button" class="link sigma-forget" onClick={() => void hunt.forgetRules()}>
          {t('sigma.forget')}
        </button>
      )}
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
          const files = Array.from(input.files ?? []);
          if (files.length > 0) onPick(files);
          input.value = '';
        }}
      />
    </label>
  );
}

function Loaded({ name, load }: { name: string; load: SigmaLoad }) {
  const { t } = useI18n();
  const loaded =
    load.correlations === 0
      ? t('sigma.loaded', { name, count: load.rules })
      : t('sigma.loadedCorrelations', {
          name,
          rules: t('sigma.rules', { count: load.rules }),
          count: load.correlations,
        });
  return (
    <>
      <p class="setup-file sigma-status">
        {load.failureCount === 0
          ? loaded
          : t('sigma.notLoaded', { loaded, count: load.failureCount })}
      </p>
      {load.failureCount > 0 && (
        <details class="sigma-failures">
          <summary>{t('sigma.why', { count: load.failureCount })}</summary>
          {/* TODO: why a rule did not load is the Sigma compiler's text, in English. */}
          <ul>
            {load.failures.map((failure, at) => (
              <li key={at}>
                <code>{failure.file}</code>
                {t('sigma.failure', { reason: failure.reason })}
              </li>
            ))}
          </ul>
          {load.failureCount > load.failures.length && (
            <p class="hunt-note">
              {t('sigma.andMore', { count: load.failureCount - load.failures.length })}
            </p>
          )}
        </details>
      )}
    </>
  );
}

/**
 * What the rules found in the last report, and what the correlations could not follow: groups
 * and matches over their limits, and matches too far out of time order.
 */
function Matched({ outcome }: { outcome: SigmaOutcome | undefined }) {
  const { t } = useI18n();
  if (outcome === undefined) return null;
  const { droppedGroups, unkeptMatches, lateMatches } = outcome;
  return (
    <>
      <p class="hunt-note sigma-matched-count">
        {t('sigma.matched', {
          findings: t('sigma.findings', { count: outcome.findings.length }),
          count: outcome.records,
        })}
      </p>
      {droppedGroups > 0 && <p class="problem">{t('sigma.dropped', { count: droppedGroups })}</p>}
      {unkeptMatches > 0 && <p class="problem">{t('sigma.unkept', { count: unkeptMatches })}</p>}
      {lateMatches > 0 && <p class="problem">{t('sigma.late', { count: lateMatches })}</p>}
    </>
  );
}
