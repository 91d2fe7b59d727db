/**
 * The Hunts menu's titles and descriptions in the page's language. The hunts are the engine's
 * data (packages/hunt/src/hunts), written in English; the other languages give each hunt, by
 * its id, a title and a description here. A test checks every hunt has them.
 */
import type { ReadyHunt } from '@evtxhunt/hunt';

import type { Language } from './language.js';

/** What the menu shows of a hunt. */
export interface HuntText {
  readonly title: string;
  readonly looksFor: string;
}

/** German, by hunt id. */
export const HUNTS_DE: Readonly<Record<string, HuntText>> = {
  'lolbin-outbound': {
    title: 'Living-off-the-Land-Programme mit ausgehenden Verbindungen',
    looksFor:
      'Programme, die mit Windows ausgeliefert werden und selten das Netz brauchen (rundll32, ' +
      'mshta, certutil, regsvr32, ...), bauen ausgehende Verbindungen auf: ein üblicher Weg, ' +
      'eine Nutzlast zu holen oder auszuführen.',
  },
  'user-writable-outbound': {
    title: 'Programme in vom Benutzer beschreibbaren Ordnern mit ausgehenden Verbindungen',
    looksFor:
      'Ausgehende Verbindungen von Programmen, die aus Temp, AppData, Downloads, ProgramData ' +
      'und anderen für jeden Benutzer beschreibbaren Ordnern laufen, wo abgelegte Schadsoftware ' +
      'meist liegt.',
  },
  beaconing: {
    title: 'Beaconing',
    looksFor:
      'Ein Prozess verbindet sich in gleichmäßigem Abstand mit wenig Jitter mit demselben Ziel: ' +
      'das Melden eines Command-and-Control-Implantats.',
  },
  'service-outbound': {
    title: 'Dienstprogramme, die nach Hause telefonieren',
    looksFor:
      'Diensthost-Prozesse, die sonst im lokalen Netz bleiben, verbinden sich mit öffentlichen ' +
      'Adressen: ein als Dienst installiertes oder in einen Dienst eingeschleustes Implantat.',
  },
  'admin-ports-inbound': {
    title: 'Eingehende Verbindungen auf Admin-Ports',
    looksFor:
      'Verbindungen zu diesem Computer auf SMB-, RDP-, WinRM-, RPC- und anderen Ports der ' +
      'Fernverwaltung, von Hosts, die ihn nicht verwalten sollten.',
  },
  'workstation-to-workstation': {
    title: 'Arbeitsplatz zu Arbeitsplatz',
    looksFor:
      'Verbindungen auf Admin-Ports (SMB, RDP, WinRM, ...) zwischen internen Hosts, wobei der ' +
      'erreichte in diesen Logs kein Server für diesen Dienst ist: seitliche Bewegung zwischen ' +
      'Arbeitsplätzen.',
  },
  'lolbin-inbound': {
    title: 'Lauschende Living-off-the-Land-Programme',
    looksFor:
      'Programme, die mit Windows ausgeliefert werden und nichts anbieten sollten, nehmen ' +
      'eingehende Verbindungen an: eine Bind-Shell oder ein Relay hinter einem vertrauten Namen.',
  },
  'download-chain': {
    title: 'Abfrage, Verbindung und geschriebene Datei eines Prozesses',
    looksFor:
      'Ein Prozesslauf fragt DNS ab, verbindet sich mit der erhaltenen Adresse und legt dann ' +
      'eine Datei an: die Gestalt des Downloads einer zweiten Stufe.',
  },
  'new-services': {
    title: 'Neu installierte Dienste',
    looksFor:
      'Installierte Dienste (System 7045, Security 4697). PsExec, Impacket und viele Implantate ' +
      'führen ihre Nutzlast als neuen Dienst aus; lesen Sie ImageFile oder ServiceFileName.',
  },
  'log-cleared': {
    title: 'Ereignisprotokolle gelöscht',
    looksFor:
      'Das Security-Log (1102) oder ein anderes Log (System 104) wurde gelöscht: jemand ' +
      'verwischt seine Spuren, oder ein Labor wurde zurückgesetzt; das löschende Konto steht im ' +
      'Ereignis.',
  },
  'remote-logons': {
    title: 'Netzwerk- und RDP-Anmeldungen von ungewöhnlichen Quellen',
    looksFor:
      'Erfolgreiche Anmeldungen vom Typ 3 (Netzwerk) oder 10 (Remotedesktop) von einer anderen ' +
      'Adresse, je Quelle gezählt: die Adressen, die sich nur ein- oder zweimal angemeldet ' +
      'haben, sind die ungewöhnlichen.',
  },
  'encoded-powershell': {
    title: 'Kodiertes PowerShell',
    looksFor:
      'Prozesse, denen mit -enc, -e oder -EncodedCommand ein Base64-Befehl übergeben wurde, ' +
      'oder die von einem solchen Prozess gestartet wurden (seine ParentCommandLine; Sysmon 1, ' +
      'Security 4688), und Skriptblöcke (4104), die Base64 dekodieren oder kodiertes ' +
      'PowerShell starten.',
  },
  'lsass-access': {
    title: 'Zugriff auf den LSASS-Speicher',
    looksFor:
      'Prozesse, die lsass.exe öffnen (Sysmon 10), das Anmeldedaten im Speicher hält; lesen Sie ' +
      'GrantedAccess (PROCESS_VM_READ braucht ein Dump) und das SourceImage.',
  },
  'run-key-persistence': {
    title: 'Persistenz über Run-Schlüssel',
    looksFor:
      'Registrierungsschlüssel, die unter ...\\CurrentVersion\\Run, RunOnce und Verwandten ' +
      'angelegt (Sysmon 12), und Werte, die dort gesetzt werden (Sysmon 13): Programme, die bei ' +
      'jeder Anmeldung starten. Dort gelöschte Schlüssel und Werte bleiben außen vor.',
  },
  'user-writable-dll-loads': {
    title: 'DLLs aus vom Benutzer beschreibbaren Ordnern geladen',
    looksFor:
      'Module, die aus Benutzerprofilen, ProgramData, Windows\\Temp, PerfLogs oder dem ' +
      'Papierkorb geladen werden (Sysmon 7): DLL-Side-Loading und Suchreihenfolge-Hijacking ' +
      'legen ihre DLL dort ab.',
  },
  'rare-dns': {
    title: 'DNS-Abfragen seltener Domains',
    looksFor:
      'DNS-Abfragen (Sysmon 22), je Name gezählt: Namen, die in den geladenen Logs nur einmal ' +
      'abgefragt werden, heben sich von den üblichen ab, wie ein neuer Controller oder eine ' +
      'generierte Domain.',
  },
};

const HUNT_TEXTS: Readonly<Record<Language, Readonly<Record<string, HuntText>> | undefined>> = {
  en: undefined,
  de: HUNTS_DE,
};

/** The title and description of `hunt` in `lang`; the hunt's own English ones where none. */
export function huntText(lang: Language, hunt: ReadyHunt): HuntText {
  const texts = HUNT_TEXTS[lang];
  const own = texts !== undefined && Object.hasOwn(texts, hunt.id) ? texts[hunt.id] : undefined;
  return own ?? { title: hunt.title, looksFor: hunt.looksFor };
}
