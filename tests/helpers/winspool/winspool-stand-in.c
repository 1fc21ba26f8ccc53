/*
 * A stand-in for Windows' winspool.drv, built with the system C compiler by
 * tests/helpers/winspool.ts, so that Kassa's RAW spooler path (electron/core/printing/
 * connections/winspool.ts) is exercised through koffi for real on Linux: the same prototypes,
 * UTF-16 strings and DOC_INFO_1W struct as on Windows.
 *
 * It behaves as the spooler does for one installed printer: OpenPrinterW knows only the
 * configured name, a job's bytes go to "<out>.part" and become "<out>" at EndDocPrinter (the
 * spooler prints a job only once it is complete), AbortPrinter deletes the spool file. Tests can
 * make WritePrinter take at most `chunk` bytes a call, or fail once `fail_after` bytes are taken,
 * and OpenPrinterW take `open_delay` ms, as for a printer shared from a computer that is off.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef uint16_t WCHAR;
typedef struct {
  const WCHAR *pDocName;
  const WCHAR *pOutputFile;
  const WCHAR *pDatatype;
} DOC_INFO_1W;

static char printer[512], out[4096], part[4200], doc_name[512], datatype[64];
static long chunk = 0, fail_after = -1, taken = 0, open_delay_ms = 0;
static int open_handles = 0, aborted = 0, pages = 0;
static FILE *spool = NULL;
static int handle_token;

/* UTF-16 (BMP and surrogate pairs) to UTF-8. */
static void to_utf8(const WCHAR *w, char *o, size_t n) {
  size_t at = 0;
  for (; w && *w && at + 5 < n; w++) {
    uint32_t c = *w;
    if (c >= 0xD800 && c < 0xDC00 && w[1] >= 0xDC00 && w[1] < 0xE000) c = 0x10000 + ((c - 0xD800) << 10) + (*++w - 0xDC00);
    if (c < 0x80) o[at++] = (char)c;
    else if (c < 0x800) { o[at++] = 0xC0 | (c >> 6); o[at++] = 0x80 | (c & 0x3F); }
    else if (c < 0x10000) { o[at++] = 0xE0 | (c >> 12); o[at++] = 0x80 | ((c >> 6) & 0x3F); o[at++] = 0x80 | (c & 0x3F); }
    else { o[at++] = 0xF0 | (c >> 18); o[at++] = 0x80 | ((c >> 12) & 0x3F); o[at++] = 0x80 | ((c >> 6) & 0x3F); o[at++] = 0x80 | (c & 0x3F); }
  }
  o[at] = 0;
}

void stand_in_configure(const char *name, const char *out_path, long chunk_bytes, long fail_after_bytes,
                        long open_delay) {
  snprintf(printer, sizeof printer, "%s", name);
  snprintf(out, sizeof out, "%s", out_path);
  snprintf(part, sizeof part, "%s.part", out_path);
  chunk = chunk_bytes;
  fail_after = fail_after_bytes;
  open_delay_ms = open_delay;
  aborted = 0;
  pages = 0;
}
int stand_in_open_handles(void) { return open_handles; }
int stand_in_aborted(void) { return aborted; }
int stand_in_pages(void) { return pages; }
const char *stand_in_doc_name(void) { return doc_name; }
const char *stand_in_datatype(void) { return datatype; }

int OpenPrinterW(const WCHAR *name, void **handle, void *defaults) {
  char n[512];
  struct timespec wait = {open_delay_ms / 1000, (open_delay_ms % 1000) * 1000000L};
  (void)defaults;
  if (open_delay_ms > 0) nanosleep(&wait, NULL); /* a printer shared from a computer that is off */
  to_utf8(name, n, sizeof n);
  if (strcmp(n, printer) != 0) return 0;
  *handle = &handle_token;
  open_handles++;
  return 1;
}

uint32_t StartDocPrinterW(void *h, uint32_t level, const DOC_INFO_1W *doc) {
  if (h != &handle_token || level != 1 || spool) return 0;
  to_utf8(doc->pDocName, doc_name, sizeof doc_name);
  to_utf8(doc->pDatatype, datatype, sizeof datatype);
  if (doc->pOutputFile) return 0;
  spool = fopen(part, "wb");
  taken = 0;
  return spool ? 42 : 0;
}

int StartPagePrinter(void *h) { return h == &handle_token && spool ? (pages++, 1) : 0; }

int WritePrinter(void *h, const void *buf, uint32_t n, uint32_t *written) {
  *written = 0;
  if (h != &handle_token || !spool) return 0;
  if (fail_after >= 0 && taken >= fail_after) return 0;
  uint32_t take = n;
  if (chunk > 0 && take > (uint32_t)chunk) take = (uint32_t)chunk;
  if (fail_after >= 0 && taken + (long)take > fail_after) take = (uint32_t)(fail_after - taken);
  if (fwrite(buf, 1, take, spool) != take) return 0;
  taken += take;
  *written = take;
  return 1;
}

int EndPagePrinter(void *h) { return h == &handle_token && spool ? 1 : 0; }

int EndDocPrinter(void *h) {
  if (h != &handle_token || !spool) return 0;
  fclose(spool);
  spool = NULL;
  return rename(part, out) == 0;
}

int AbortPrinter(void *h) {
  if (h != &handle_token) return 0;
  if (spool) fclose(spool);
  spool = NULL;
  remove(part);
  aborted = 1;
  return 1;
}

int ClosePrinter(void *h) {
  if (h != &handle_token || open_handles == 0) return 0;
  open_handles--;
  return 1;
}
