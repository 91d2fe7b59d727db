/** Downloads a Blob under a name through a blob: URL of this page's own origin. */
import { useEffect, useState } from 'preact/hooks';

interface Download {
  readonly name: string;
  readonly url: string;
}

/** A function that downloads `blob` as `name`; its URL is revoked once the next one starts. */
export function useDownload(): (name: string, blob: Blob) => void {
  const [download, setDownload] = useState<Download | undefined>(undefined);
  useEffect(() => {
    if (download === undefined) return undefined;
    const anchor = document.createElement('a');
    anchor.href = download.url;
    anchor.download = download.name;
    anchor.click();
    return () => URL.revokeObjectURL(download.url);
  }, [download]);
  return (name, blob) => setDownload({ name, url: URL.createObjectURL(blob) });
}
