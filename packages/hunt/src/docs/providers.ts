/** Provider names (System/Provider/@Name) of the events the docs describe, besides Sysmon's. */

/** Provider of the Windows Security log's audit events. */
export const SECURITY_AUDITING_PROVIDER = 'Microsoft-Windows-Security-Auditing';

/** Provider of the log-cleared events (Security 1102, System 104). */
export const EVENTLOG_PROVIDER = 'Microsoft-Windows-Eventlog';

/** Provider of System log service events such as 7045. */
export const SERVICE_CONTROL_MANAGER_PROVIDER = 'Service Control Manager';

/** Provider of the PowerShell Operational log. */
export const POWERSHELL_PROVIDER = 'Microsoft-Windows-PowerShell';
