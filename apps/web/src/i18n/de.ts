/**
 * Every text of the page in German, key for key as in en.ts: a key missing here is a type
 * error, and a test checks each entry has the same parameters as the English one.
 */
import type { Catalogue } from './en.js';

export const DE: Catalogue = {
  // Die Werkzeugleiste.
  'toolbar.openFiles': 'Dateien öffnen…',
  'toolbar.openFilesLabel': 'EVTX-Dateien öffnen',
  'toolbar.sample': 'Mitgeliefertes Beispiel öffnen',
  'toolbar.hunts': 'Suchvorlagen',
  'toolbar.bookmarks': 'Lesezeichen ({count})',
  'toolbar.columns': 'Spalten',
  'toolbar.darkTheme': 'Dunkles Design',
  'toolbar.sessions': 'Sitzungen',
  'toolbar.sessionsOff': 'Sitzungen (aus)',
  'toolbar.language': 'Sprache',

  // Die Seite um die Ansichten.
  'app.title': 'evtxhunt-Workbench',
  'app.sampleOffline':
    'der Server, der diese Seite geliefert hat, ist gerade nicht erreichbar (das Beispiel wird von ihm geladen; Dateien von der Festplatte lassen sich weiter offline öffnen)',
  'app.sampleHttp': '{url}: HTTP {status}',
  'app.sampleFailed': 'Das mitgelieferte Beispiel ließ sich nicht öffnen: {problem}',
  'app.dropHere': '.evtx-Dateien hier ablegen, um sie zu lesen',
  'app.emptyTitle':
    'Legen Sie .evtx-Dateien oder ihre XML-, JSON- oder CSV-Exporte, gzip-komprimiert oder in ZIP-Archiven, irgendwo auf dieser Seite ab, oder öffnen Sie sie mit der Schaltfläche oben.',
  'app.emptyPrivacy':
    'Sie werden hier gelesen, in diesem Browser-Tab, von Hintergrund-Workern. Nichts wird hochgeladen: Diese Seite kann keine andere Website erreichen.',
  'app.huntNoFinding': 'Suchvorlage „{title}“: Die Engine hat keinen Befund dieser Art gemeldet.',
  'app.huntOpened': 'Suchvorlage „{title}“ geöffnet.',
  'app.huntOpenedRare': {
    one: 'Suchvorlage „{title}“ mit den ersten seltenen Werten geöffnet; {count} weiterer Wert ausgelassen.',
    other:
      'Suchvorlage „{title}“ mit den ersten seltenen Werten geöffnet; {count} weitere Werte ausgelassen.',
  },

  // Die Ereignisansicht.
  'events.label': 'Ereignisse',
  'events.count': { one: '{count} Ereignis', other: '{count} Ereignisse' },
  'events.countFiltered': {
    one: '{shown} von {count} Ereignis',
    other: '{shown} von {count} Ereignissen',
  },
  'events.sortedAsc': '{events}, sortiert nach {column} (aufsteigend)',
  'events.sortedDesc': '{events}, sortiert nach {column} (absteigend)',
  'events.sortBy': 'Nach {column} sortieren',
  'events.recovered': 'wiederhergestellt',
  'events.recoveredTitle':
    'Wiederhergestellter Datensatz: an seiner Signatur gefunden, wo kein Chunk-Header für ihn bürgt (ein zerstörter Chunk-Header oder hinter einem Schaden in einem Chunk). Er kann veraltet oder gelöscht sein, nicht Teil des aktuellen Logs.',
  'events.trailingSpace': 'Leerraum am Ende des Werts',

  // Spaltenköpfe der System-Felder.
  'column.time': 'Zeit ({zone})',
  'column.timeLocal': 'Zeit (Zone dieses Browsers)',
  'column.file': 'Quelle',
  'column.recordId': 'Datensatz-ID',
  'column.eventId': 'Ereignis-ID',
  'column.level': 'Ebene',
  'column.provider': 'Anbieter',
  'column.channel': 'Kanal',
  'column.computer': 'Computer',

  // Geöffnete Dateien und ihr Zustand.
  'files.label': 'Geöffnete Dateien',
  'files.cancelAll': 'Alle abbrechen ({count})',
  'files.foldFiles': { one: '{count} Datei', other: '{count} Dateien' },
  'files.foldRecords': { one: '{count} Datensatz gelesen', other: '{count} Datensätze gelesen' },
  'files.foldReading': { one: '{count} wird noch gelesen', other: '{count} werden noch gelesen' },
  'files.foldProblems': {
    one: '{count} mit Warnung oder Schaden (aufklappen zum Ansehen)',
    other: '{count} mit Warnungen oder Schäden (aufklappen zum Ansehen)',
  },
  'files.readingName': '{name} wird gelesen',
  'files.cancelName': 'Lesen von {name} abbrechen',
  'files.cancel': 'Abbrechen',
  'files.sha256': 'SHA-256-Prüfsumme',
  'files.hashing': 'SHA-256 wird berechnet…',
  'files.hashFailed': 'SHA-256 nicht berechnet: {problem}',
  'files.diagnostics': { one: '{count} Parser-Meldung', other: '{count} Parser-Meldungen' },
  'files.diagnosticsMore': '… und {count} weitere, nicht gezeigt',
  'files.waiting': 'Wartet darauf, gelesen zu werden',
  'files.reading': {
    one: 'Wird gelesen: bisher {count} Datensatz, {percent} % der Datei',
    other: 'Wird gelesen: bisher {count} Datensätze, {percent} % der Datei',
  },
  'files.failed': 'Konnte nicht gelesen werden: {reason}',
  'files.unknownError': 'unbekannter Fehler',
  'files.cancelled': {
    one: 'Abgebrochen nach {count} Datensatz; der Rest der Datei wurde nicht gelesen',
    other: 'Abgebrochen nach {count} Datensätzen; der Rest der Datei wurde nicht gelesen',
  },
  'files.recordsRead': { one: '{count} Datensatz gelesen', other: '{count} Datensätze gelesen' },
  'files.exportRead': {
    one: '{count} Datensatz gelesen aus: {format}',
    other: '{count} Datensätze gelesen aus: {format}',
  },
  'files.formatZip': 'ZIP-Archiv',
  'files.formatGzipEvtx': 'gzip-komprimiertes EVTX-Log',
  'files.formatGzipped': 'gzip-komprimierter {name}-Export',
  'files.formatVowel': '{name}-Export',
  'files.formatPlain': '{name}-Export',
  'files.noLoss': 'kein Datensatz verloren',
  'files.recovered': '{count} wiederhergestellt (markiert, nicht aktuell)',
  'files.duplicates': {
    one: '{count} Duplikat nicht erneut gezeigt',
    other: '{count} Duplikate nicht erneut gezeigt',
  },
  'files.chunksClean': {
    one: '{count} Chunk, keiner beschädigt',
    other: '{count} Chunks, keiner beschädigt',
  },
  'files.chunksDamaged': {
    one: '{damaged} von {count} Chunk beschädigt',
    other: '{damaged} von {count} Chunks beschädigt',
  },
  'files.slotsUnreadable': {
    one: '{count} Chunk-Platz unlesbar',
    other: '{count} Chunk-Plätze unlesbar',
  },
  'files.uncountedLoss':
    'Datensätze verloren, wie viele lässt sich nicht sagen (siehe die Parser-Meldungen)',
  'files.failedRecords': {
    one: '{count} Datensatz konnte nicht gelesen werden',
    other: '{count} Datensätze konnten nicht gelesen werden',
  },
  'files.failedRecordsWhy': {
    one: '{count} Datensatz konnte nicht gelesen werden: {reasons}',
    other: '{count} Datensätze konnten nicht gelesen werden: {reasons}',
  },
  'files.reason': '{reason} ({count})',
  'files.missing': { one: '{count} Datensatz fehlt', other: '{count} Datensätze fehlen' },
  'files.shortChunks': '{count} Chunk-Header nennen mehr Datensätze als gelesen wurden',
  'files.shortChunk': {
    one: 'der Header von Chunk {chunk} nennt {count} Datensatz, {read} gelesen',
    other: 'der Header von Chunk {chunk} nennt {count} Datensätze, {read} gelesen',
  },
  'files.cutOff': 'Datei abgeschnitten: der Header nennt {named} Chunks, {found} gefunden',
  'files.notEvtxBanner':
    '{name}: {reason}; auch kein hier lesbarer Export (Ereignis-XML, Ereignis-JSON oder JSONL, EvtxECmd- oder evtxhunt-CSV, gzip-komprimiert oder nicht, oder ein ZIP-Archiv davon); nichts wurde daraus gelesen.',
  'files.banner': '{name}: {parts}.',
  'files.bannerDirty':
    'das Log wurde nicht sauber geschlossen, daher wurde jeder Chunk-Platz durchsucht',
  'files.bannerLost':
    'Datensätze verloren: die Tabelle enthält jeden Datensatz, der gelesen werden konnte',
  'files.bannerDamaged': 'Chunks beschädigt (Datensätze trotzdem gelesen)',

  // Die Spaltenauswahl.
  'chooser.label': 'Spalten wählen',
  'chooser.find': 'Feld suchen',
  'chooser.done': 'Fertig',
  'chooser.list': 'Spalten',
  'chooser.note': {
    one: '{count} Spalte: jedes Feld, das in den geladenen Ereignissen vorkommt',
    other: '{count} Spalten: jedes Feld, das in den geladenen Ereignissen vorkommt',
  },

  // Die Abfragezeile und die Zeitzone.
  'filter.label': 'Ereignisse filtern',
  'filter.query': 'Abfrage',
  'filter.placeholder':
    'Abfrage, z. B. eventId:3 Image:*\\rundll32.exe -DestinationPort:443 (/ drücken zum Fokussieren)',
  'filter.regex': 'Regex',
  'filter.regexTitle':
    'Einzelne Wörter sind reguläre Ausdrücke (Groß-/Kleinschreibung wird ignoriert)',
  'filter.filtering': 'Wird gefiltert…',
  'filter.fromLink': 'Aus dem Link: {warning}',
  'filter.cannotFilter': 'Filtern nicht möglich: {message}',
  'filter.note': 'Hinweis: {message}',
  'zone.label': 'Zeitzone',
  'zone.local': 'Zone dieses Browsers ({zone})',
  'zone.every': 'Alle Zonen',

  // Facetten.
  'facets.label': 'Facetten',
  'facets.add': 'Facette hinzufügen',
  'facets.choose': 'Feld wählen…',
  'facets.remove': 'Facette {facet} entfernen',
  'facets.none': 'Kein Wert in den gefilterten Ereignissen',
  'facets.more': '{count} weitere',
  'facets.mostFrequent': 'Die {shown} häufigsten von {count} Werten',
  'facets.empty': '(leer)',
  'facets.only': {
    one: 'Nur {facet} {value} ({count} Ereignis)',
    other: 'Nur {facet} {value} ({count} Ereignisse)',
  },
  'facets.leaveOut': '{value} auslassen',
  'facets.leaveOutFacet': '{facet} {value} auslassen',

  // Das Zeit-Histogramm.
  'histogram.label': 'Ereignisse im Zeitverlauf',
  'histogram.noTime': 'Kein gefiltertes Ereignis hat eine Zeit.',
  'histogram.caption': { one: '{count} Ereignis', other: '{count} Ereignisse' },
  'histogram.captionUntimed': {
    one: '{count} Ereignis ({untimed} ohne Zeit, nicht gezeichnet)',
    other: '{count} Ereignisse ({untimed} ohne Zeit, nicht gezeichnet)',
  },
  'histogram.described': '{events} von {from} bis {to}, ein Balken je {bin}.',
  'histogram.showAll': 'Alle Zeiten zeigen',
  'histogram.plot':
    'Zeit-Histogramm: über Balken ziehen oder sie mit den Pfeiltasten wählen (Umschalt erweitert) und Enter drücken, um nur diese Zeit zu behalten',
  'histogram.axis': 'Ereignisse',
  'histogram.bar': 'Balken {bar}',
  'histogram.bars': 'Balken {first} bis {last}',
  'histogram.pick': {
    one: '{bars} von {all}: {from} bis {to}, {count} Ereignis. Enter behält nur diese Zeit.',
    other: '{bars} von {all}: {from} bis {to}, {count} Ereignisse. Enter behält nur diese Zeit.',
  },
  'unit.day': { one: 'Tag', other: '{count} Tage' },
  'unit.hour': { one: 'Stunde', other: '{count} Stunden' },
  'unit.minute': { one: 'Minute', other: '{count} Minuten' },
  'unit.second': { one: 'Sekunde', other: '{count} Sekunden' },
  'unit.millisecond': { one: 'Millisekunde', other: '{count} Millisekunden' },

  // Der Detailbereich.
  'details.heading': 'Ereignis {eventId} · Datensatz {recordId}',
  'details.headingRecovered': 'Ereignis {eventId} · Datensatz {recordId} · wiederhergestellt',
  'details.thisEvent': 'dieses Ereignis',
  'details.close': 'Schließen',
  'details.closeLabel': 'Details schließen',
  'details.note': 'Notiz zu diesem Ereignis',
  'details.system': 'System-Felder',
  'details.data': 'Ereignisdaten',
  'details.xml': 'XML',
  'details.copyXml': 'XML kopieren',
  'details.readingXml': 'Der Datensatz wird aus der Datei gelesen…',
  'details.xmlFailed': 'Das XML konnte nicht gelesen werden: {reason}',
  'details.noDoc':
    'Die Workbench hat keine Beschreibung von Ereignis {eventId} aus {provider}; sie erklärt Sysmon-Ereignisse und die üblichen Ereignisse der Security- und Windows-Logs.',
  'details.meaning': 'Was dieses Ereignis bedeutet',
  'details.copiedValue': 'Der Wert von {field} wurde kopiert.',
  'details.copiedXml': 'Das XML wurde kopiert.',
  'details.copyValueFailed': 'Der Wert von {field} konnte nicht kopiert werden: {reason}',
  'details.copyXmlFailed': 'Das XML konnte nicht kopiert werden: {reason}',
  'details.noClipboard':
    'diese Seite hat keinen Zugriff auf die Zwischenablage (sie braucht https oder 127.0.0.1)',
  'details.showProcess': 'Ereignisse dieses Prozesses zeigen',
  'details.empty': '(leer)',
  'details.copy': 'Kopieren',
  'details.copyLabel': '{field} kopieren',
  'details.copyTitle': 'Den Wert von {field} kopieren',
  'details.means': 'bedeutet',
  'details.more': 'mehr',
  'details.less': 'weniger',
  'details.moreAbout': 'Mehr über {field}',
  'details.lessAbout': 'Weniger über {field}',

  // Lesezeichen.
  'bookmarks.label': 'Lesezeichen',
  'bookmarks.count': { one: '{count} Lesezeichen', other: '{count} Lesezeichen' },
  'bookmarks.previous': 'Vorheriges Lesezeichen',
  'bookmarks.next': 'Nächstes Lesezeichen',
  'bookmarks.exportMarkdown': 'Bericht exportieren (Markdown)',
  'bookmarks.exportJsonl': 'JSONL exportieren',
  'bookmarks.none':
    'Markieren Sie ein Ereignis in seinen Details oder einen Befund in der Befundliste mit dem Stern, um ein Lesezeichen zu setzen.',
  'bookmarks.remove': 'Entfernen',
  'bookmarks.removeLabel': 'Lesezeichen {bookmark} entfernen',
  'bookmarks.note': 'Notiz',
  'bookmarks.noteLength': '{used} von {limit} Zeichen',
  'bookmarks.noteKept': 'Die Notiz bleibt erhalten: erneut markieren, und sie ist wieder da.',
  'bookmarks.writing': '{file} wird geschrieben…',
  'bookmarks.written': {
    one: '{count} Lesezeichen in {file} geschrieben.',
    other: '{count} Lesezeichen in {file} geschrieben.',
  },
  'bookmarks.failed': 'Der Export ist fehlgeschlagen: {reason}',
  'bookmarks.star': 'Lesezeichen für {what} setzen',
  'bookmarks.findingLabel': '{time} · {severity} Befund {kind} auf {computer}',
  'bookmarks.findingSigmaLabel': '{time} · {severity} Befund {kind} „{title}“ auf {computer}',
  'bookmarks.gone':
    'Nicht geöffnet: das Lesezeichen für {finding} zeigt auf einen Befund, der nicht mehr im aktuellen Bericht steht (Regeln, Protokolle oder Allowlist haben sich seitdem geändert).',
  'bookmarks.eventLabel': '{time} · Ereignis {eventId}, Datensatz {recordId}',
  'bookmarks.eventImageLabel': '{time} · Ereignis {eventId}, Datensatz {recordId} · {image}',

  // Der Dialog der Zellaktionen.
  'cell.label': 'Zellaktionen',
  'cell.field': 'Feld',
  'cell.empty': '(leer)',
  'cell.keep': 'Nur diesen Wert behalten',
  'cell.leaveOut': 'Diesen Wert auslassen',
  'cell.isColumn': '{field} ist eine Spalte',
  'cell.addColumn': '{field} als Spalte hinzufügen',
  'cell.noProcess': 'Dieses Ereignis nennt keinen Prozess',
  'cell.processGuid': 'ProcessGuid {guid}',
  'cell.sameProcess': 'Gleiche ProcessGuid',
  'cell.around': 'Minuten um dieses Ereignis: ±',
  'cell.minutes': 'Minuten vor und nach dem Ereignis',

  // Die Ansichten und der Stand der Suche.
  'tabs.label': 'Ansichten',
  'tabs.events': 'Ereignisse',
  'tabs.outbound': 'Ausgehende Verbindungen',
  'tabs.findings': 'Befunde',
  'tabs.findingsCount': 'Befunde ({count})',
  'tabs.export': 'Export',
  'hunt.off': 'Die Suche ist aus',
  'hunt.idle': 'Die Suche beginnt, sobald Ereignisse ankommen',
  'hunt.hunting': {
    one: 'Suche läuft: {sent} von {count} Ereignis an die Engine gesendet',
    other: 'Suche läuft: {sent} von {count} Ereignissen an die Engine gesendet',
  },
  'hunt.rulesCatchingUp': {
    one: 'Die neuen Sigma-Regeln laufen über die gelesenen Ereignisse: {done} von {count} Ereignis',
    other:
      'Die neuen Sigma-Regeln laufen über die gelesenen Ereignisse: {done} von {count} Ereignissen',
  },
  'hunt.ready': { one: '{count} Ereignis durchsucht', other: '{count} Ereignisse durchsucht' },
  'hunt.readyTook': {
    one: '{count} Ereignis durchsucht, gemeldet {took} nach der ersten gesendeten Zeile',
    other: '{count} Ereignisse durchsucht, gemeldet {took} nach der ersten gesendeten Zeile',
  },
  'hunt.ms': '{ms} ms',
  'hunt.seconds': '{seconds} s',
  'hunt.failed': 'Die Suche wurde abgebrochen: {reason}',
  'hunt.unknownError': 'unbekannter Fehler',
  'hunt.notRunning': 'Die Suche läuft nicht.',

  // Schweregrade der Befunde.
  'severity.info': 'Info',

  // Ereignisebenen, wie die deutsche Ereignisanzeige sie nennt.
  'level.critical': 'Kritisch',
  'level.error': 'Fehler',
  'level.warning': 'Warnung',
  'level.information': 'Informationen',
  'level.verbose': 'Ausführlich',
  'severity.low': 'niedrig',
  'severity.medium': 'mittel',
  'severity.high': 'hoch',
  'severity.critical': 'kritisch',

  // Die Befunde.
  'findings.label': 'Befunde',
  'findings.noReport': 'Noch kein Bericht. {status}.',
  'findings.onlyKind': {
    one: 'Gezeigt wird nur {count} Befund der Art {kind}, wie von der Suchvorlage gewählt.',
    other:
      'Gezeigt werden nur die {count} Befunde der Art {kind}, wie von der Suchvorlage gewählt.',
  },
  'findings.showAll': 'Alle Befunde zeigen',
  'findings.none': 'Keine Befunde',
  'findings.tally': {
    one: '{count} Befund: {severities}',
    other: '{count} Befunde: {severities}',
  },
  'findings.severityCount': '{count} {severity}',
  'findings.skipped': {
    one: '{count} Datensatz konnte nicht durchsucht werden und wurde übersprungen',
    other: '{count} Datensätze konnten nicht durchsucht werden und wurden übersprungen',
  },
  'findings.skippedFirst': {
    one: '{count} Datensatz konnte nicht durchsucht werden und wurde übersprungen; der erste, {file} #{recordId}: {message}',
    other:
      '{count} Datensätze konnten nicht durchsucht werden und wurden übersprungen; der erste, {file} #{recordId}: {message}',
  },
  'findings.star': 'den Befund {kind} auf {computer}',
  'findings.starSigma': 'den Befund {kind} „{title}“ auf {computer}',
  'findings.times': '{count}×',
  'findings.hosts': { one: '{count} Host{port}', other: '{count} Hosts{port}' },
  'findings.from': 'von {ip}',
  'finding.label': 'Der geöffnete Befund',
  'finding.title': '{kind} auf {computer}',
  'finding.evidence': { one: 'Belege: {count} Ereignis', other: 'Belege: {count} Ereignisse' },
  'finding.evidenceFinding': {
    one: 'Belege: {count} Ereignis (ihre Zeilen werden gesucht…)',
    other: 'Belege: {count} Ereignisse (ihre Zeilen werden gesucht…)',
  },
  'finding.evidenceRecovered': '{count} ihrer Zeilen wiederhergestellt (nicht aktuell)',
  'finding.evidenceMissing': '{count} nicht unter den geladenen Zeilen',
  'finding.evidenceRows': 'Belege des geöffneten Befunds',
  'finding.kind': 'Art',
  'finding.severity': 'Schweregrad',
  'finding.computer': 'Computer',
  'finding.everyProcessGuid': 'Alle ProcessGuids',
  'finding.destination': 'Ziel',
  'finding.queried': 'Per DNS abgefragt',
  'finding.source': 'Quelle',
  'finding.everyDestination': 'Alle Ziele',
  'finding.firstSeen': 'Zuerst gesehen (UTC)',
  'finding.lastSeen': 'Zuletzt gesehen (UTC)',
  'finding.count': 'Anzahl',
  'finding.alsoMatched': 'Auch getroffen',
  'finding.port': 'Port {port}',

  // Die Diagramme eines Beacons.
  'beacon.label': 'Beacon-Timing',
  'beacon.connections': 'Verbindungen',
  'beacon.connectionsValue': {
    one: '{connections} ({count} Versuch, wenn Wiederholungen zusammengefasst sind)',
    other: '{connections} ({count} Versuche, wenn Wiederholungen zusammengefasst sind)',
  },
  'beacon.median': 'Medianer Abstand',
  'beacon.jitter': 'Jitter',
  'beacon.jitterValue': '±{percent} %',
  'beacon.score': 'Bewertung',
  'beacon.parts': 'Teile der Bewertung',
  'beacon.timeline': {
    one: '{count} Verbindung über {span}, jede eine Marke auf einer Zeitleiste',
    other: '{count} Verbindungen über {span}, jede eine Marke auf einer Zeitleiste',
  },
  'beacon.timelineCaption': 'Verbindungen im Zeitverlauf ({span})',
  'beacon.gaps':
    'Abstände zwischen Versuchen in {bins} Klassen zu {width}; Anzahlen {counts}; die letzte Klasse enthält jeden Abstand ab {widest}',
  'beacon.binOpen': 'ab {from}: {count}',
  'beacon.bin': '{from} bis {to}: {count}',
  'beacon.gapsCaption': 'Abstände zwischen Versuchen (Median {median})',

  // Die Geschichte einer Kette.
  'story.label': 'Prozessgeschichte',
  'story.heading': 'Was geschah',
  'story.processStart': 'Prozess gestartet',
  'story.dns': 'DNS-Abfrage',
  'story.network': 'Verbindung',
  'story.fileCreate': 'Datei geschrieben',
  'story.parentChain': 'Elternkette',
  'story.imageUnknown': '(Image unbekannt)',
  'story.thisProcess': ' (dieser Prozess)',
  'story.startNotLogged': 'Start nicht in den Logs',
  'story.openStart': 'Sein Start-Ereignis öffnen',
  'story.openRecord': 'Datensatz {recordId} öffnen',
  'story.endRoot': 'Der älteste Prozess oben hat in seinem Start-Ereignis keinen Elternprozess.',
  'story.endStartNotLogged':
    'Der Start des ältesten Prozesses oben ist nicht in den geladenen Logs.',
  'story.endCycle': 'Die Elternprozesse nennen einander im Kreis; die Kette endet dort.',
  'story.endDepthLimit': 'Die Kette ist an der Tiefengrenze abgeschnitten.',

  // Exporte.
  'export.kindEventsCsv': 'Ereignisse als CSV',
  'export.kindEventsJsonl': 'Ereignisse als JSON Lines',
  'export.kindEventsEcs': 'Ereignisse als ECS-Dokumente',
  'export.kindEventsTimesketch': 'Ereignisse für Timesketch',
  'export.kindFindingsJsonl': 'Befunde als JSON Lines',
  'export.eventsLabel': 'Ereignisse exportieren',
  'export.eventsHeading': {
    one: 'Ereignisse: die {count} Zeile der Tabelle, wie gefiltert und sortiert',
    other: 'Ereignisse: die {count} Zeilen der Tabelle, wie gefiltert und sortiert',
  },
  'export.eventsNote':
    'CSV hat die Spalten der Tabelle ({columns}); JSON Lines hat jedes Feld. Zeiten werden in {zone} geschrieben, benannt im CSV-Kopf. ECS (für Elastic oder OpenSearch) und Timesketch sind die Dokumente, die evtxhunt dump schreibt, in UTC.',
  'export.csv': 'Ereignisse als CSV exportieren',
  'export.jsonl': 'Ereignisse als JSON Lines exportieren',
  'export.ecs': 'Ereignisse als ECS exportieren',
  'export.timesketch': 'Ereignisse für Timesketch exportieren',
  'export.findingsLabel': 'Befunde exportieren',
  'export.noFindings': 'Befunde: noch kein Bericht',
  'export.findingsCount': 'Befunde: {count}',
  'export.findings': 'Befunde als JSON Lines exportieren',
  'export.writing': {
    one: '{count} Zeile wird geschrieben als {kind}: bisher {written}…',
    other: '{count} Zeilen werden geschrieben als {kind}: bisher {written}…',
  },
  'export.failed': 'Der Export ({kind}) ist fehlgeschlagen: {message}',
  'export.written': {
    one: '{count} Zeile geschrieben ({zone}).',
    other: '{count} Zeilen geschrieben ({zone}).',
  },
  'export.staleRows':
    'Veraltet: dieser Export ({kind}) entstand, bevor sich die angezeigten Zeilen geändert haben. Für die aktuellen erneut exportieren.',
  'export.staleFindings':
    'Veraltet: dieser Export ({kind}) entstand, bevor sich die angezeigten Befunde geändert haben. Für die aktuellen erneut exportieren.',
  'export.again': '{file} erneut herunterladen',

  // Ausgehende Verbindungen.
  'outbound.grouping': 'Die ausgehenden Verbindungen werden gruppiert…',
  'outbound.summary': {
    one: '{connections} in {groups}{shown}: Sysmon-Ereignis-ID 3 mit Initiated true, unter {count} Ereignis der Tabelle{again}',
    other:
      '{connections} in {groups}{shown}: Sysmon-Ereignis-ID 3 mit Initiated true, unter den {count} Ereignissen der Tabelle{again}',
  },
  'outbound.connections': {
    one: '{count} ausgehende Verbindung',
    other: '{count} ausgehende Verbindungen',
  },
  'outbound.groups': { one: '{count} Gruppe', other: '{count} Gruppen' },
  'outbound.largestShown': ' (die {count} größten gezeigt)',
  'outbound.countingAgain': ' · wird neu gezählt…',
  'outbound.drillLabel': 'Ereignisse der gewählten Gruppe',
  'outbound.drill': {
    one: '{count} Verbindung von {image} zu {ip}',
    other: '{count} Verbindungen von {image} zu {ip}',
  },
  'outbound.noImage': '(kein Image)',
  'outbound.drillRows': 'Verbindungen der gewählten Gruppe',
  'outbound.caption': 'Ausgehende Verbindungen nach Image und DestinationIp',
  'outbound.colCount': 'Anzahl',
  'outbound.colAddress': 'Adresse',
  'outbound.colPorts': 'Ports',
  'outbound.colHostNames': 'Hostnamen',
  'outbound.colQueried': 'Per DNS abgefragt',
  'outbound.colFirstSeen': 'Zuerst gesehen (UTC)',
  'outbound.colLastSeen': 'Zuletzt gesehen (UTC)',
  'outbound.show': {
    one: '{count} Verbindung: zeigen',
    other: '{count} Verbindungen: zeigen',
  },
  'outbound.notAddress': 'keine Adresse',
  'outbound.afterHunt': '(nach der Suche)',

  // Arten von Adressen (die Sonderbereiche aus RFC 6890).
  'ip.unspecified': 'unbestimmt',
  'ip.loopback': 'Loopback',
  'ip.private': 'privat',
  'ip.cgnat': 'CGNAT',
  'ip.linkLocal': 'link-lokal',
  'ip.multicast': 'Multicast',
  'ip.broadcast': 'Broadcast',
  'ip.uniqueLocal': 'Unique-Local',
  'ip.documentation': 'Dokumentation',
  'ip.benchmarking': 'Benchmarking',
  'ip.reserved': 'reserviert',
  'ip.public': 'öffentlich',

  // Die Einstellungen neben den Befunden.
  'setup.label': 'Einstellungen der Suche',
  'setup.sysmon': 'Sysmon-Konfiguration',
  'setup.loadConfig': 'Sysmon-Konfiguration laden…',
  'setup.loadConfigLabel': 'Sysmon-Konfiguration laden',
  'setup.loadAnotherConfig': 'Andere Konfiguration laden…',
  'setup.loadAnotherConfigLabel': 'Andere Konfiguration laden',
  'setup.forget': 'Vergessen',
  'setup.forgetConfig': 'Die Sysmon-Konfiguration vergessen',
  'setup.allowlist': 'Ausnahmeliste',
  'setup.loadAllowlist': 'Ausnahmeliste laden…',
  'setup.loadAllowlistLabel': 'Ausnahmeliste laden',
  'setup.loadAnotherAllowlist': 'Andere Ausnahmeliste laden…',
  'setup.loadAnotherAllowlistLabel': 'Andere Ausnahmeliste laden',
  'setup.allowlistRules': { one: '{name}: {count} Regel', other: '{name}: {count} Regeln' },
  'setup.forgetAllowlist': 'Die Ausnahmeliste vergessen',
  'setup.coverage': 'Abdeckung',
  'setup.blindSpots': 'Blinde Flecken: {count}',
  'setup.inferred': 'Abdeckung aus den Logs erschlossen',
  'setup.lolbin': 'LOLBins',
  'setup.userWritable': 'Vom Benutzer beschreibbare Orte',
  'setup.commonProcess': 'Gängige Programme',
  'setup.spotGroup': '{category} ({count})',
  'setup.spotReason': '{reason}:',
  'setup.spotLabels': '{category}: {reason}',
  'setup.warnings': {
    one: '{count} Warnung zur Konfiguration',
    other: '{count} Warnungen zur Konfiguration',
  },
  'setup.warningLine': 'Zeile {line}: {message}',
  'setup.noneSuppressed': 'Kein Befund hat eine Regel getroffen.',
  'setup.suppressedLabel': 'Unterdrückte Befunde',
  'setup.suppressed': '{count} unterdrückt durch Zeile {line}: ',

  // Sigma-Regeln.
  'sigma.label': 'Sigma-Regeln',
  'sigma.loadFolder': 'Regelordner laden…',
  'sigma.loadFolderLabel': 'Regelordner laden',
  'sigma.loadZip': 'Regeln als .zip laden…',
  'sigma.loadZipLabel': 'Regeln als .zip laden',
  'sigma.compiling': '{name} wird übersetzt…',
  'sigma.failed': '{name}: {message}',
  'sigma.loaded': { one: '{name}: {count} Regel geladen', other: '{name}: {count} Regeln geladen' },
  'sigma.loadedCorrelations': {
    one: '{name}: {rules} und {count} Korrelation geladen',
    other: '{name}: {rules} und {count} Korrelationen geladen',
  },
  'sigma.rules': { one: '{count} Regel', other: '{count} Regeln' },
  'sigma.notLoaded': '{loaded}, {count} nicht geladen',
  'sigma.why': {
    one: 'Warum {count} Regel nicht geladen wurde',
    other: 'Warum {count} Regeln nicht geladen wurden',
  },
  'sigma.failure': ': {reason}',
  'sigma.andMore': 'und {count} weitere',
  'sigma.matched': {
    one: '{findings} in {count} Ereignis',
    other: '{findings} in {count} Ereignissen',
  },
  'sigma.findings': { one: '{count} Befund', other: '{count} Befunde' },
  'sigma.dropped': {
    one: '{count} Korrelationsgruppe nicht verfolgt: über der Grenze',
    other: '{count} Korrelationsgruppen nicht verfolgt: über der Grenze',
  },
  'sigma.noYaml': 'Keine .yml/.yaml-Dateien in {name}',
  'sigma.pickedFolder': 'dem gewählten Ordner',
  'sigma.noRules': '{name}: keine Regeln',
  'sigma.notZip': '{file} ließ sich nicht als ZIP lesen: {reason}',
  'sigma.notRules': {
    one: '{count} Datei ist keine Sigma-Regel (kein Titel und keine Erkennung)',
    other: '{count} Dateien sind keine Sigma-Regeln (kein Titel und keine Erkennung)',
  },
  'sigma.sharedId': 'Die Regel-ID {id} steht in {count} Dateien, jede meldet ihre Treffer: {files}',
  'sigma.unkept': {
    one: '{count} Treffer nicht an die Korrelationen gegeben: über der Grenze',
    other: '{count} Treffer nicht an die Korrelationen gegeben: über der Grenze',
  },
  'sigma.late': {
    one: '{count} Treffer zeitlich zu weit außer der Reihe für die Korrelationen',
    other: '{count} Treffer zeitlich zu weit außer der Reihe für die Korrelationen',
  },
  'sigma.forget': 'Regeln vergessen',
  'sigma.rule': 'Sigma-Regel',
  'sigma.title': 'Titel',
  'sigma.level': 'Stufe',
  'sigma.id': 'Regel-ID',
  'sigma.file': 'Regeldatei',
  'sigma.attack': 'ATT&CK',
  'sigma.tags': 'Tags',
  'sigma.matchedFields': 'Getroffene Felder',

  // Das Menü der Suchvorlagen.
  'hunts.label': 'Fertige Suchvorlagen',
  'hunts.heading': 'Suchvorlagen',
  'hunts.counting': 'Die geladenen Ereignisse werden gezählt…',
  'hunts.counted': 'Die Zahlen beziehen sich auf die geladenen Ereignisse.',
  'hunts.done': 'Fertig',
  'hunts.list': 'Suchvorlagen',
  'hunts.techniques': 'ATT&CK {techniques}',
  'hunts.noFindings': 'keine Befunde',
  'hunts.afterReport': 'nach dem Bericht der Suche',
  'hunts.countingShort': 'wird gezählt…',
  'hunts.events': { one: '{count} Ereignis', other: '{count} Ereignisse' },
  'hunts.findings': { one: '{count} Befund ({events})', other: '{count} Befunde ({events})' },
  'hunts.rare': {
    one: '{events}, {count} seltener Wert',
    other: '{events}, {count} seltene Werte',
  },

  // Sitzungen: was der Browser behält, gespeicherte Suchen, Spaltenanordnungen, behaltene Logs.
  'sessions.label': 'Sitzungen',
  'sessions.starting': 'Sitzungen werden gestartet…',
  'sessions.on':
    'Sitzungen sind an: Namen, Größen und SHA-256-Hashes der Dateien, die Ansicht, Lesezeichen und Notizen werden in diesem Browser behalten, nach Datei-Hash. Die Logs selbst werden nicht behalten.',
  'sessions.offAbsent':
    'Sitzungen sind aus: Dieser Browser gibt der Seite keine IndexedDB. Alles andere funktioniert; nach dem Schließen der Seite bleibt nichts erhalten.',
  'sessions.offRefused':
    'Sitzungen sind aus: Dieser Browser verweigert der Seite ihre IndexedDB ({detail}). Alles andere funktioniert; nach dem Schließen der Seite bleibt nichts erhalten.',
  'sessions.failing':
    'Sitzungen schlagen fehl: Dieser Browser hat die letzte Änderung nicht behalten ({detail}).',
  'sessions.forgotten':
    'Alles in diesem Browser Behaltene wurde vergessen; diese Seite behält nichts mehr, bis sie neu geladen wird.',
  'sessions.forget': 'Alles in diesem Browser Behaltene vergessen…',
  'sessions.forgetQuestion':
    'Jede Sitzung, jedes Lesezeichen, jede Notiz, gespeicherte Suche, Spaltenanordnung und jedes behaltene Log in diesem Browser vergessen? Das lässt sich nicht rückgängig machen.',
  'sessions.forgetDone':
    'Alles in diesem Browser Behaltene wurde vergessen und die Ansicht aus der Seitenadresse entfernt.',
  'sessions.forgetFailed': 'Vergessen fehlgeschlagen: {problem}',
  'sessions.searches': 'Gespeicherte Suchen',
  'sessions.layouts': 'Spaltenanordnungen',
  'sessions.searchName': 'Name der Suche',
  'sessions.layoutName': 'Name der Anordnung',
  'sessions.namePlaceholder': 'Bezeichnung',
  'sessions.nameRefused': 'Dieser Name geht nicht: {problem}',
  'sessions.saveSearch': 'Diese Suche speichern',
  'sessions.saveLayout': 'Diese Spalten speichern',
  'sessions.noSearches': 'Noch keine gespeicherten Suchen.',
  'sessions.noLayouts': 'Noch keine Spaltenanordnungen.',
  'sessions.applySearch': 'Die Suche {name} anwenden',
  'sessions.applyLayout': 'Die Anordnung {name} anwenden',
  'sessions.deleteSearch': 'Die Suche {name} löschen',
  'sessions.deleteLayout': 'Die Anordnung {name} löschen',
  'sessions.delete': 'Löschen',
  'sessions.everyEvent': '(jedes Ereignis)',
  'sessions.export': 'Gespeicherte Suchen exportieren',
  'sessions.exported': 'Gespeicherte Suchen und Anordnungen in {file} geschrieben.',
  'sessions.import': 'Gespeicherte Suchen importieren…',
  'sessions.importLabel': 'Gespeicherte Suchen importieren',
  'sessions.importRefused':
    '{file} ist keine Datei gespeicherter Suchen, die diese App lesen kann: {problem}',
  'sessions.importTooBig':
    '{file} ist keine Datei gespeicherter Suchen, die diese App lesen kann: sie ist größer als {mib} MiB',
  'sessions.importedSearches': {
    one: '{count} gespeicherte Suche',
    other: '{count} gespeicherte Suchen',
  },
  'sessions.importedLayouts': {
    one: '{count} Spaltenanordnung',
    other: '{count} Spaltenanordnungen',
  },
  'sessions.appliedPartly': 'Die gespeicherte Suche {name} wurde nicht ganz übernommen: {problems}',
  'sessions.imported': '{searches} und {layouts} aus {file} importiert.',
  'sessions.importedReplacing': {
    one: '{count} davon ersetzte eine gleichnamige.',
    other: '{count} davon ersetzten gleichnamige.',
  },
  'sessions.logsTitle': 'In diesem Browser behaltene Logdateien',
  'sessions.logsNote':
    'Sitzungen behalten kein Log, außer Sie bitten darum: Behaltene Logs belegen Speicher dieses Browsers und lassen sich nach dem Neuladen öffnen, ohne sie vom Datenträger zu wählen.',
  'sessions.keepLogs': 'Die offenen Logdateien auch in diesem Browser behalten',
  'sessions.keptLogs': {
    one: '{count} Logdatei in diesem Browser behalten.',
    other: '{count} Logdateien in diesem Browser behalten.',
  },
  'sessions.allKept': 'Jede offene Logdatei ist schon behalten (oder wird noch gelesen).',
  'sessions.keepFull':
    '{file} konnte nicht behalten werden: Dieser Browser hat keinen Platz mehr für diese Seite.',
  'sessions.keepFailed': '{file} konnte nicht behalten werden: {problem}',
  'sessions.openLog': 'Das behaltene Log {name} öffnen',
  'sessions.removeLog': 'Das behaltene Log {name} entfernen',
  'sessions.remove': 'Entfernen',
  'sessions.logDetail': '{size} · SHA-256-Prüfsumme {sha256}',
  'sessions.restored': 'Sitzung aus diesem Browser wiederhergestellt: {what}.',
  'sessions.restoredNothing': 'nichts angezeigt',
  'sessions.restoredBookmarks': {
    one: '{count} Lesezeichen mit seiner Notiz',
    other: '{count} Lesezeichen mit ihren Notizen',
  },
  'sessions.restoredFindings': {
    one: '{count} Befund-Lesezeichen',
    other: '{count} Befund-Lesezeichen',
  },
  'sessions.restoredView': 'die für diese Dateien behaltene Abfrage, Spalten und Ansicht',
  'sessions.restoredMissing': {
    one: '{count} behaltenes Lesezeichen zeigt auf einen diesmal nicht gelesenen Datensatz; es bleibt behalten.',
    other:
      '{count} behaltene Lesezeichen zeigen auf diesmal nicht gelesene Datensätze; sie bleiben behalten.',
  },
};
