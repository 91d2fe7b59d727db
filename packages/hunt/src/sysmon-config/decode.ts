/** Sysmon configuration files as bytes: the encodings Sysmon accepts. */

/**
 * The text of a configuration file: UTF-16 when it starts with a UTF-16 byte-order mark or
 * when its second byte is zero (an ASCII first character in UTF-16LE, as Sysmon checks),
 * otherwise UTF-8. A byte-order mark is dropped; bytes that are not valid become U+FFFD.
 */
export function decodeConfigText(bytes: Uint8Array): string {
  // TODO: an encoding named in the XML declaration other than UTF-8 or UTF-16 (such as
  // ISO-8859-1, which Sysmon accepts) is not honoured; such a file is read as UTF-8.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);

  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes.length > 1 && bytes[1] === 0);
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
}
