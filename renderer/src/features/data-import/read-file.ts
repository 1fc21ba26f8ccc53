/**
 * Reads a picked file as the import channels take it: its bytes, base64. The bytes go to the core
 * untouched, so the core can tell UTF-8 from Windows-1252 (F3); reading the file as text here
 * would turn every Windows-1252 `é` into `�` before the core ever saw it.
 */
import { t } from '../../i18n';

/** The file's bytes in base64 (FileReader's data: URL, without its `data:…;base64,` prefix). */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(t('dataImport:problems.readFailed')));
    reader.readAsDataURL(file);
  });
}
