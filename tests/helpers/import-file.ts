/** The file part of an import call, as the renderer sends it: the bytes in base64 and a fresh job id. */
import { randomUUID } from 'node:crypto';

export function importFile(content: string | Uint8Array, jobId: string = randomUUID()) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { csvBase64: bytes.toString('base64'), jobId };
}
