/**
 * An `<Event>` element as a record, read the way the EVTX parser reads the event it renders:
 * System children into the record's fields, EventData's `Data` by `Name` (unnamed ones under
 * `Data`), other sections (UserData) by their leaf elements. Event Viewer's RenderingInfo
 * (the message text, localised names) is not part of the event, so it is left out.
 */
import {
  emptyRecord,
  FieldCollector,
  setEventId,
  setNumber,
  setRecordId,
  setText,
  setTime,
} from '../record.js';
import type { ImportedRecord } from '../types.js';
import type { EventElement } from './xml-events.js';

/** The record for one `<Event>` element. */
export function xmlRecord(
  event: EventElement,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const fields = new FieldCollector();
  for (const section of event.children) {
    if (section.name === 'System') readSystem(section, record);
    else if (section.name === 'EventData') readEventData(section, fields);
    else if (section.name !== 'RenderingInfo') addLeaves(section, fields);
  }
  record.data = fields.fields;
  return record;
}

function readSystem(system: EventElement, record: ImportedRecord): void {
  for (const field of system.children) {
    const text = allText(field);
    const attribute = (name: string) => field.attributes.get(name);
    switch (field.name) {
      case 'Provider':
        record.provider = attribute('Name') ?? '';
        setText(record, 'providerGuid', attribute('Guid'));
        setText(record, 'eventSourceName', attribute('EventSourceName'));
        break;
      case 'EventID':
        setEventId(record, text);
        setNumber(record, 'qualifiers', attribute('Qualifiers'));
        break;
      default:
        readOtherSystemField(field.name, text, attribute, record);
    }
  }
}

function readOtherSystemField(
  name: string,
  text: string,
  attribute: (name: string) => string | undefined,
  record: ImportedRecord,
): void {
  switch (name) {
    case 'TimeCreated':
      return setTime(record, attribute('SystemTime'));
    case 'EventRecordID':
      return setRecordId(record, text);
    case 'Correlation':
      setText(record, 'activityId', attribute('ActivityID'));
      return setText(record, 'relatedActivityId', attribute('RelatedActivityID'));
    case 'Execution':
      setNumber(record, 'processId', attribute('ProcessID'));
      return setNumber(record, 'threadId', attribute('ThreadID'));
    case 'Security':
      return setText(record, 'userId', attribute('UserID'));
    case 'Version':
    case 'Level':
    case 'Task':
    case 'Opcode':
      return setNumber(record, lowerFirst(name), text);
    case 'Keywords':
      record.keywords = text;
      return;
    case 'Channel':
      record.channel = text;
      return;
    case 'Computer':
      record.computer = text;
      return;
  }
}

function lowerFirst(name: 'Version' | 'Level' | 'Task' | 'Opcode') {
  return name.toLowerCase() as 'version' | 'level' | 'task' | 'opcode';
}

function readEventData(eventData: EventElement, fields: FieldCollector): void {
  for (const field of eventData.children) {
    const name = field.name === 'Data' ? (field.attributes.get('Name') ?? 'Data') : field.name;
    fields.add(name, allText(field));
  }
}

/** UserData and other sections: every leaf element by its name. */
function addLeaves(element: EventElement, fields: FieldCollector): void {
  if (element.children.length === 0) {
    fields.add(element.name, element.text);
    return;
  }
  for (const child of element.children) addLeaves(child, fields);
}

/** The element's text with its children's, in document order as far as it was kept. */
function allText(element: EventElement): string {
  // TODO: text between child elements is joined before the children's text, not around it;
  // no System or Data element of a Windows event mixes the two.
  return element.text + element.children.map(allText).join('');
}
