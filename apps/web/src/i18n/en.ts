/**
 * Every text the page shows that we write, in English: the catalogue every other language
 * copies key for key (de.ts). Keys are `area.what`; `{name}` is a parameter; an object is a
 * plural, its form chosen by the number `count`. Text from the engine or the parser (finding
 * explanations, diagnostics) and from the logs is not here: it is shown as it comes.
 */
import type { Message } from './message.js';

export const EN = {
  // The toolbar.
  'toolbar.openFiles': 'Open files…',
  'toolbar.openFilesLabel': 'Open EVTX files',
  'toolbar.sample': 'Open the bundled sample',
  'toolbar.hunts': 'Hunts',
  'toolbar.bookmarks': 'Bookmarks ({count})',
  'toolbar.columns': 'Columns',
  'toolbar.darkTheme': 'Dark theme',
  'toolbar.language': 'Language',

  // The page around the views.
  'app.sampleOffline':
    'the server that served this page is not reachable now (the sample is fetched from it; ' +
    'files you open from disk still work offline)',
  'app.sampleHttp': '{url}: HTTP {status}',
  'app.sampleFailed': 'The bundled sample could not be opened: {problem}',
  'app.dropHere': 'Drop .evtx files to read them here',
  'app.emptyTitle':
    'Drop .evtx files, or their XML, JSON or CSV exports, gzipped or in zip archives, anywhere ' +
    'on this page, or open them with the button above.',
  'app.emptyPrivacy':
    'They are read here, in this browser tab, by background workers. Nothing is uploaded: this ' +
    'page cannot contact any other site.',
  'app.huntNoFinding': 'Hunt "{title}": the engine reported no finding of its kind.',
  'app.huntOpened': 'Hunt "{title}" opened.',
  'app.huntOpenedRare': {
    one: 'Hunt "{title}" opened with its first rare values; {count} more value left out.',
    other: 'Hunt "{title}" opened with its first rare values; {count} more values left out.',
  },

  // The events view.
  'events.label': 'Events',
  'events.count': { one: '{count} event', other: '{count} events' },
  'events.countFiltered': { one: '{shown} of {count} event', other: '{shown} of {count} events' },
  'events.sortedAsc': '{events}, sorted by {column} (ascending)',
  'events.sortedDesc': '{events}, sorted by {column} (descending)',
  'events.sortBy': 'Sort by {column}',
  'events.recovered': 'recovered',
  'events.recoveredTitle':
    'Recovered record: found by its signature where no chunk header vouches for it (a ' +
    'destroyed chunk header, or past damage in a chunk). It may be stale or cleared data, not ' +
    'the live log.',
  'events.trailingSpace': 'whitespace at the end of the value',

  // Column headers of the System fields.
  'column.time': 'Time ({zone})',
  'column.timeLocal': "Time (this browser's zone)",
  'column.file': 'Source',
  'column.recordId': 'Record ID',
  'column.eventId': 'Event ID',
  'column.level': 'Level',
  'column.provider': 'Provider',
  'column.channel': 'Channel',
  'column.computer': 'Computer',

  // Opened files and their states.
  'files.label': 'Opened files',
  'files.cancelAll': 'Cancel all ({count})',
  'files.readingName': 'Reading {name}',
  'files.cancelName': 'Cancel reading {name}',
  'files.cancel': 'Cancel',
  'files.diagnostics': { one: '{count} parser diagnostic', other: '{count} parser diagnostics' },
  'files.diagnosticsMore': '… and {count} more not shown',
  'files.waiting': 'Waiting to be read',
  'files.reading': {
    one: 'Reading: {count} record so far, {percent}% of the file',
    other: 'Reading: {count} records so far, {percent}% of the file',
  },
  'files.failed': 'Could not be read: {reason}',
  'files.unknownError': 'unknown error',
  'files.cancelled': {
    one: 'Cancelled after {count} record; the rest of the file was not read',
    other: 'Cancelled after {count} records; the rest of the file was not read',
  },
  'files.recordsRead': { one: '{count} record read', other: '{count} records read' },
  'files.exportRead': {
    one: '{count} record read from {format}',
    other: '{count} records read from {format}',
  },
  'files.formatZip': 'a zip archive',
  'files.formatGzipEvtx': 'a gzipped EVTX log',
  'files.formatGzipped': 'a gzipped {name} export',
  'files.formatVowel': 'an {name} export',
  'files.formatPlain': 'a {name} export',
  'files.noLoss': 'no record lost',
  'files.recovered': '{count} recovered (marked, not live)',
  'files.duplicates': {
    one: '{count} duplicate not shown again',
    other: '{count} duplicates not shown again',
  },
  'files.chunksClean': { one: '{count} chunk, none damaged', other: '{count} chunks, none damaged' },
  'files.chunksDamaged': {
    one: '{damaged} of {count} chunk damaged',
    other: '{damaged} of {count} chunks damaged',
  },
  'files.slotsUnreadable': {
    one: '{count} chunk slot unreadable',
    other: '{count} chunk slots unreadable',
  },
  'files.uncountedLoss': 'records lost, how many cannot be told (see the diagnostics)',
  'files.failedRecords': {
    one: '{count} record could not be read',
    other: '{count} records could not be read',
  },
  'files.failedRecordsWhy': {
    one: '{count} record could not be read: {reasons}',
    other: '{count} records could not be read: {reasons}',
  },
  'files.reason': '{reason} ({count})',
  'files.missing': { one: '{count} record missing', other: '{count} records missing' },
  'files.shortChunks': '{count} chunk headers name more records than were read',
  'files.shortChunk': {
    one: "chunk {chunk}'s header names {count} record, {read} read",
    other: "chunk {chunk}'s header names {count} records, {read} read",
  },
  'files.cutOff': 'file cut off: header names {named} chunks, {found} found',
  'files.notEvtxBanner':
    '{name}: {reason}; nor is it an export read here (event XML, event JSON or JSONL, ' +
    'EvtxECmd or evtxhunt CSV, gzipped or not, or a zip archive of them); nothing was read ' +
    'from it.',
  'files.banner': '{name}: {parts}.',
  'files.bannerDirty': 'the log was not closed cleanly (dirty), so every chunk slot was scanned',
  'files.bannerLost': 'records lost: the table holds every record that could be read',
  'files.bannerDamaged': 'chunks damaged (records still read)',

  // The column chooser.
  'chooser.label': 'Choose columns',
  'chooser.find': 'Find a field',
  'chooser.done': 'Done',
  'chooser.list': 'Columns',
  'chooser.note': {
    one: '{count} column: every field present in the loaded events',
    other: '{count} columns: every field present in the loaded events',
  },

  // The query bar and the time zone.
  'filter.label': 'Filter events',
  'filter.query': 'Query',
  'filter.placeholder':
    'Query, e.g. eventId:3 Image:*\\rundll32.exe -DestinationPort:443 (press / to focus)',
  'filter.regex': 'Regex',
  'filter.regexTitle': 'Bare words are regular expressions (ignoring case)',
  'filter.filtering': 'Filtering…',
  'filter.fromLink': 'From the link: {warning}',
  'filter.cannotFilter': 'Cannot filter: {message}',
  'filter.note': 'Note: {message}',
  'zone.label': 'Time zone',
  'zone.local': "This browser's zone ({zone})",
  'zone.every': 'Every zone',

  // Facets.
  'facets.label': 'Facets',
  'facets.add': 'Add a facet',
  'facets.choose': 'Choose a field…',
  'facets.remove': 'Remove the {facet} facet',
  'facets.none': 'No value in the filtered events',
  'facets.more': '{count} more',
  'facets.mostFrequent': 'The {shown} most frequent of {count} values',
  'facets.empty': '(empty)',
  'facets.only': {
    one: 'Only {facet} {value} ({count} event)',
    other: 'Only {facet} {value} ({count} events)',
  },
  'facets.leaveOut': 'Leave out {value}',
  'facets.leaveOutFacet': 'Leave out {facet} {value}',

  // The time histogram.
  'histogram.label': 'Events over time',
  'histogram.noTime': 'No filtered event has a time.',
  'histogram.caption': { one: '{count} event', other: '{count} events' },
  'histogram.captionUntimed': {
    one: '{count} event ({untimed} without a time, not drawn)',
    other: '{count} events ({untimed} without a time, not drawn)',
  },
  'histogram.described': '{events} from {from} to {to}, one bar per {bin}.',
  'histogram.showAll': 'Show all times',
  'histogram.plot':
    'Time histogram: drag across bars, or pick them with the arrow keys (Shift widens) and ' +
    'press Enter, to keep only that time',
  'histogram.axis': 'Events',
  'histogram.bar': 'Bar {bar}',
  'histogram.bars': 'Bars {first} to {last}',
  'histogram.pick': {
    one: '{bars} of {all}: {from} to {to}, {count} event. Enter keeps only this time.',
    other: '{bars} of {all}: {from} to {to}, {count} events. Enter keeps only this time.',
  },
  'unit.day': { one: 'day', other: '{count} days' },
  'unit.hour': { one: 'hour', other: '{count} hours' },
  'unit.minute': { one: 'minute', other: '{count} minutes' },
  'unit.second': { one: 'second', other: '{count} seconds' },
  'unit.millisecond': { one: 'millisecond', other: '{count} milliseconds' },

  // The details pane.
  'details.heading': 'Event {eventId} · record {recordId}',
  'details.headingRecovered': 'Event {eventId} · record {recordId} · recovered',
  'details.thisEvent': 'this event',
  'details.close': 'Close',
  'details.closeLabel': 'Close details',
  'details.note': 'Note on this event',
  'details.system': 'System fields',
  'details.data': 'Event data',
  'details.xml': 'XML',
  'details.copyXml': 'Copy XML',
  'details.readingXml': 'Reading the record from the file…',
  'details.xmlFailed': 'Could not read the XML: {reason}',
  'details.noDoc':
    'The workbench has no description of event {eventId} from {provider}; it explains Sysmon ' +
    'events and the common Security and Windows log events.',
  'details.meaning': 'What this event means',
  'details.copiedValue': 'Copied the value of {field}.',
  'details.copiedXml': 'Copied the XML.',
  'details.copyValueFailed': 'Could not copy the value of {field}: {reason}',
  'details.copyXmlFailed': 'Could not copy the XML: {reason}',
  'details.showProcess': "Show this process's events",
  'details.empty': '(empty)',
  'details.copy': 'Copy',
  'details.copyLabel': 'Copy {field}',
  'details.copyTitle': 'Copy the value of {field}',
  'details.means': 'means',
  'details.more': 'more',
  'details.less': 'less',
  'details.moreAbout': 'More about {field}',
  'details.lessAbout': 'Less about {field}',

  // Bookmarks.
  'bookmarks.label': 'Bookmarks',
  'bookmarks.count': { one: '{count} bookmark', other: '{count} bookmarks' },
  'bookmarks.previous': 'Previous bookmark',
  'bookmarks.next': 'Next bookmark',
  'bookmarks.exportMarkdown': 'Export report (Markdown)',
  'bookmarks.exportJsonl': 'Export JSONL',
  'bookmarks.none':
    'Star an event in its details, or a finding in the findings list, to bookmark it.',
  'bookmarks.remove': 'Remove',
  'bookmarks.removeLabel': 'Remove the bookmark {bookmark}',
  'bookmarks.note': 'Note',
  'bookmarks.writing': 'Writing {file}…',
  'bookmarks.written': {
    one: '{count} bookmark written to {file}.',
    other: '{count} bookmarks written to {file}.',
  },
  'bookmarks.failed': 'The export failed: {reason}',
  'bookmarks.star': 'Bookmark {what}',
  'bookmarks.findingLabel': '{time} · {severity} {kind} finding on {computer}',

  // The cell actions dialog.
  'cell.label': 'Cell actions',
  'cell.field': 'Field',
  'cell.empty': '(empty)',
  'cell.keep': 'Keep only this value',
  'cell.leaveOut': 'Leave out this value',
  'cell.isColumn': '{field} is a column',
  'cell.addColumn': 'Add {field} as a column',
  'cell.noProcess': 'This event names no process',
  'cell.processGuid': 'ProcessGuid {guid}',
  'cell.sameProcess': 'Same ProcessGuid',
  'cell.around': 'Minutes around this event: ±',
  'cell.minutes': 'Minutes before and after the event',
  'bookmarks.eventLabel': '{time} · event {eventId}, record {recordId}',
  'bookmarks.eventImageLabel': '{time} · event {eventId}, record {recordId} · {image}',

  // The view tabs and the hunt's status.
  'tabs.label': 'Views',
  'tabs.events': 'Events',
  'tabs.outbound': 'Outbound connections',
  'tabs.findings': 'Findings',
  'tabs.findingsCount': 'Findings ({count})',
  'tabs.export': 'Export',
  'hunt.off': 'Hunting is off',
  'hunt.idle': 'The hunt starts when events arrive',
  'hunt.hunting': {
    one: 'Hunting: {sent} of {count} event sent to the engine',
    other: 'Hunting: {sent} of {count} events sent to the engine',
  },
  'hunt.ready': { one: 'Hunted {count} event', other: 'Hunted {count} events' },
  'hunt.readyTook': {
    one: 'Hunted {count} event, reported {took} after the first row was sent',
    other: 'Hunted {count} events, reported {took} after the first row was sent',
  },
  'hunt.ms': '{ms} ms',
  'hunt.seconds': '{seconds} s',
  'hunt.failed': 'The hunt stopped: {reason}',
  'hunt.unknownError': 'unknown error',
  'hunt.notRunning': 'The hunt is not running.',

  // The findings view.
  'findings.label': 'Findings',
  'findings.noReport': 'No report yet. {status}.',
  'findings.none': 'No findings',
  'findings.tally': {
    one: '{count} finding: {severities}',
    other: '{count} findings: {severities}',
  },
  'findings.severityCount': '{count} {severity}',
  'findings.skipped': {
    one: '{count} record could not be hunted and was skipped',
    other: '{count} records could not be hunted and were skipped',
  },
  'findings.skippedFirst': {
    one: '{count} record could not be hunted and was skipped; the first, {file} #{recordId}: {message}',
    other:
      '{count} records could not be hunted and were skipped; the first, {file} #{recordId}: {message}',
  },
  'findings.star': 'the {kind} finding on {computer}',
  'findings.times': '{count}×',
  'findings.hosts': { one: '{count} host{port}', other: '{count} hosts{port}' },
  'findings.from': 'from {ip}',
  'finding.label': 'The open finding',
  'finding.title': '{kind} on {computer}',
  'finding.evidence': { one: 'Evidence: {count} event', other: 'Evidence: {count} events' },
  'finding.evidenceFinding': {
    one: 'Evidence: {count} event (finding their rows…)',
    other: 'Evidence: {count} events (finding their rows…)',
  },
  'finding.evidenceRecovered': '{count} of their rows recovered (not live)',
  'finding.evidenceMissing': '{count} not among the loaded rows',
  'finding.evidenceRows': 'Evidence of the open finding',
  'finding.kind': 'Kind',
  'finding.severity': 'Severity',
  'finding.computer': 'Computer',
  'finding.everyProcessGuid': 'Every ProcessGuid',
  'finding.destination': 'Destination',
  'finding.queried': 'Queried in DNS',
  'finding.source': 'Source',
  'finding.everyDestination': 'Every destination',
  'finding.firstSeen': 'First seen (UTC)',
  'finding.lastSeen': 'Last seen (UTC)',
  'finding.count': 'Count',
  'finding.alsoMatched': 'Also matched',
  'finding.port': 'port {port}',

  // A beacon's charts.
  'beacon.label': 'Beacon timing',
  'beacon.connections': 'Connections',
  'beacon.connectionsValue': {
    one: '{connections} ({count} attempt once retries are collapsed)',
    other: '{connections} ({count} attempts once retries are collapsed)',
  },
  'beacon.median': 'Median interval',
  'beacon.jitter': 'Jitter',
  'beacon.score': 'Score',
  'beacon.parts': 'Score parts',
  'beacon.timeline': {
    one: '{count} connection over {span}, each a mark on a time line',
    other: '{count} connections over {span}, each a mark on a time line',
  },
  'beacon.timelineCaption': 'Connections in time ({span})',
  'beacon.gaps':
    'Gaps between attempts in {bins} bins of {width}; counts {counts}; the last bin holds ' +
    'every gap of {widest} or more',
  'beacon.binOpen': '{from} or more: {count}',
  'beacon.bin': '{from} to {to}: {count}',
  'beacon.gapsCaption': 'Gaps between attempts (median {median})',

  // A chain's story.
  'story.label': 'Process story',
  'story.heading': 'What happened',
  'story.processStart': 'Process started',
  'story.dns': 'DNS query',
  'story.network': 'Connection',
  'story.fileCreate': 'File written',
  'story.parentChain': 'Parent chain',
  'story.imageUnknown': '(image unknown)',
  'story.thisProcess': ' (this process)',
  'story.startNotLogged': 'start not in the logs',
  'story.openStart': 'Open its start event',
  'story.openRecord': 'Open record {recordId}',
  'story.endRoot': 'The oldest process above has no parent in its start event.',
  'story.endStartNotLogged': 'The start of the oldest process above is not in the loaded logs.',
  'story.endCycle': 'The parents named each other in a loop; the chain stops there.',
  'story.endDepthLimit': 'The chain is cut at the depth limit.',

  // Exports.
  'export.kindEventsCsv': 'events as CSV',
  'export.kindEventsJsonl': 'events as JSON Lines',
  'export.kindEventsEcs': 'events as ECS documents',
  'export.kindEventsTimesketch': 'events for Timesketch',
  'export.kindFindingsJsonl': 'findings as JSON Lines',
  'export.eventsLabel': 'Export events',
  'export.eventsHeading': {
    one: 'Events: the {count} row of the table, as filtered and sorted',
    other: 'Events: the {count} rows of the table, as filtered and sorted',
  },
  'export.eventsNote':
    "CSV has the table's columns ({columns}); JSON Lines has every field. Times are written in " +
    '{zone}, named in the CSV header. ECS (for Elastic or OpenSearch) and Timesketch are the ' +
    'documents evtxhunt dump writes, in UTC.',
  'export.csv': 'Export events as CSV',
  'export.jsonl': 'Export events as JSON Lines',
  'export.ecs': 'Export events as ECS',
  'export.timesketch': 'Export events for Timesketch',
  'export.findingsLabel': 'Export findings',
  'export.noFindings': 'Findings: no report yet',
  'export.findingsCount': 'Findings: {count}',
  'export.findings': 'Export findings as JSON Lines',
  'export.writing': {
    one: 'Writing {count} row as {kind}: {written} so far…',
    other: 'Writing {count} rows as {kind}: {written} so far…',
  },
  'export.failed': 'The export of {kind} failed: {message}',
  'export.written': {
    one: '{count} line written ({zone}).',
    other: '{count} lines written ({zone}).',
  },
  'export.again': 'Download {file} again',

  // Outbound connections.
  'outbound.grouping': 'Grouping the outbound connections…',
  'outbound.summary': {
    one:
      "{connections} in {groups}{shown}: Sysmon Event ID 3 with Initiated true, among the table's " +
      '{count} event{again}',
    other:
      "{connections} in {groups}{shown}: Sysmon Event ID 3 with Initiated true, among the table's " +
      '{count} events{again}',
  },
  'outbound.connections': {
    one: '{count} outbound connection',
    other: '{count} outbound connections',
  },
  'outbound.groups': { one: '{count} group', other: '{count} groups' },
  'outbound.largestShown': ' (the {count} largest shown)',
  'outbound.countingAgain': ' · counting again…',
  'outbound.drillLabel': 'Events of the chosen group',
  'outbound.drill': {
    one: '{count} connection of {image} to {ip}',
    other: '{count} connections of {image} to {ip}',
  },
  'outbound.noImage': '(no image)',
  'outbound.drillRows': 'Connections of the chosen group',
  'outbound.caption': 'Outbound connections by Image and DestinationIp',
  'outbound.colCount': 'Count',
  'outbound.colAddress': 'Address',
  'outbound.colPorts': 'Ports',
  'outbound.colHostNames': 'Host names',
  'outbound.colQueried': 'Queried in DNS',
  'outbound.colFirstSeen': 'First seen (UTC)',
  'outbound.colLastSeen': 'Last seen (UTC)',
  'outbound.show': {
    one: '{count} connection: show them',
    other: '{count} connections: show them',
  },
  'outbound.notAddress': 'not an address',
  'outbound.afterHunt': '(after the hunt)',

  // The hunt setup beside the findings.
  'setup.label': 'Hunt setup',
  'setup.sysmon': 'Sysmon configuration',
  'setup.loadConfig': 'Load a Sysmon config…',
  'setup.loadConfigLabel': 'Load a Sysmon config',
  'setup.loadAnotherConfig': 'Load another config…',
  'setup.loadAnotherConfigLabel': 'Load another config',
  'setup.forget': 'Forget it',
  'setup.forgetConfig': 'Forget the Sysmon configuration',
  'setup.allowlist': 'Allowlist',
  'setup.loadAllowlist': 'Load an allowlist…',
  'setup.loadAllowlistLabel': 'Load an allowlist',
  'setup.loadAnotherAllowlist': 'Load another allowlist…',
  'setup.loadAnotherAllowlistLabel': 'Load another allowlist',
  'setup.allowlistRules': { one: '{name}: {count} rule', other: '{name}: {count} rules' },
  'setup.forgetAllowlist': 'Forget the allowlist',
  'setup.coverage': 'Coverage',
  'setup.blindSpots': 'Blind spots: {count}',
  'setup.inferred': 'Coverage inferred from the logs',
  'setup.lolbin': 'LOLBins',
  'setup.userWritable': 'User-writable places',
  'setup.commonProcess': 'Common programs',
  'setup.spotGroup': '{category} ({count})',
  'setup.spotReason': '{reason}:',
  'setup.spotLabels': '{category}: {reason}',
  'setup.warnings': {
    one: '{count} warning about the configuration',
    other: '{count} warnings about the configuration',
  },
  'setup.warningLine': 'line {line}: {message}',
  'setup.noneSuppressed': 'No finding matched a rule.',
  'setup.suppressedLabel': 'Suppressed findings',
  'setup.suppressed': '{count} suppressed by line {line}: ',

  // Sigma rules.
  'sigma.label': 'Sigma rules',
  'sigma.loadFolder': 'Load a rules folder…',
  'sigma.loadFolderLabel': 'Load a rules folder',
  'sigma.loadZip': 'Load a rules .zip…',
  'sigma.loadZipLabel': 'Load a rules .zip',
  'sigma.compiling': 'Compiling {name}…',
  'sigma.failed': '{name}: {message}',
  'sigma.loaded': { one: '{name}: {count} rule loaded', other: '{name}: {count} rules loaded' },
  'sigma.loadedCorrelations': {
    one: '{name}: {rules} and {count} correlation loaded',
    other: '{name}: {rules} and {count} correlations loaded',
  },
  'sigma.rules': { one: '{count} rule', other: '{count} rules' },
  'sigma.notLoaded': '{loaded}, {count} did not load',
  'sigma.why': { one: 'Why {count} rule did not load', other: 'Why {count} rules did not load' },
  'sigma.failure': ': {reason}',
  'sigma.andMore': 'and {count} more',
  'sigma.matched': {
    one: '{findings} in {count} event',
    other: '{findings} in {count} events',
  },
  'sigma.findings': { one: '{count} finding', other: '{count} findings' },
  'sigma.dropped': {
    one: '{count} correlation group not followed: over the limit',
    other: '{count} correlation groups not followed: over the limit',
  },
  'sigma.rule': 'Sigma rule',
  'sigma.title': 'Title',
  'sigma.level': 'Level',
  'sigma.id': 'Rule id',
  'sigma.file': 'Rule file',
  'sigma.attack': 'ATT&CK',
  'sigma.tags': 'Tags',
  'sigma.matchedFields': 'Matched fields',

  // The Hunts menu.
  'hunts.label': 'Ready-made hunts',
  'hunts.heading': 'Hunts',
  'hunts.counting': 'Counting the loaded events…',
  'hunts.counted': 'Counts are of the loaded events.',
  'hunts.done': 'Done',
  'hunts.list': 'Hunts',
  'hunts.techniques': 'ATT&CK {techniques}',
  'hunts.noFindings': 'no findings',
  'hunts.afterReport': 'after the hunt reports',
  'hunts.countingShort': 'counting…',
  'hunts.events': { one: '{count} event', other: '{count} events' },
  'hunts.findings': { one: '{count} finding ({events})', other: '{count} findings ({events})' },
  'hunts.rare': { one: '{events}, {count} rare value', other: '{events}, {count} rare values' },
} as const satisfies Readonly<Record<string, Message>>;

/** A key of the catalogue. */
export type MessageKey = keyof typeof EN;

/** A complete catalogue: every key of the English one. */
export type Catalogue = { readonly [K in MessageKey]: Message };
