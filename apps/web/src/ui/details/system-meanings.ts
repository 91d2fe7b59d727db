/**
 * What the rest of System holds (`System.Task`, ...), for the details pane. The hunt package's
 * docs cover the System fields of the record contract; these are the ones only the parser's
 * records carry. Written from the Windows event schema's description of the System element.
 * TODO: these meanings are field documentation like the engine's (describeField in
 * packages/hunt) and stay in English in every language, as those do.
 */
import type { SystemExtraField } from '@evtxhunt/hunt';

/** The meaning of each extra System field. */
export const SYSTEM_EXTRA_MEANINGS: Readonly<Record<SystemExtraField, string>> = {
  'System.Keywords':
    'Bit mask of the categories the provider put the event in; the top bits mark audit success ' +
    '(0x8020...) and audit failure (0x8010...) in the Security log.',
  'System.Task': 'Task number the provider gave the event, a sub-category within the provider.',
  'System.Opcode':
    'Opcode number: the step of an activity the event marks (0 is info, 1 start, 2 stop).',
  'System.Version': 'Version of the event definition the provider wrote it with.',
  'System.Qualifiers': 'High 16 bits of a classic (pre-Vista style) event ID, kept apart.',
  'System.UserID':
    'SID of the account the provider wrote the event as (System/Security/@UserID), when it says.',
  'System.ProcessID':
    'Process ID of the program that wrote the event (System/Execution/@ProcessID), not the ' +
    'process the event is about.',
  'System.ThreadID': 'Thread ID, in that process, that wrote the event.',
  'System.ActivityID': 'GUID tying together the events of one activity (System/Correlation).',
  'System.RelatedActivityID': 'GUID of the activity that started this one, when there is one.',
  'System.ProviderGuid': 'GUID of the provider that wrote the event (System/Provider/@Guid).',
};
