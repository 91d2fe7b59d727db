/** Copying a value or the XML to the system clipboard: one seam, so tests can stand in for it. */

/** Puts `text` on the clipboard; rejects with a reason a person can read. */
export type CopyText = (text: string) => Promise<void>;

/** The browser's clipboard. It needs a secure page: https, or http on 127.0.0.1 as served. */
export const copyToClipboard: CopyText = async (text) => {
  const clipboard = globalThis.navigator?.clipboard;
  if (clipboard === undefined) {
    throw new Error('this page has no clipboard access (it needs https or 127.0.0.1)');
  }
  await clipboard.writeText(text);
};
