/**
 * Printing one part of the screen: marks the document with what is being printed (the print CSS
 * shows only that part), calls window.print(), and takes the mark away afterwards.
 */
export function printOnly(part: 'receipt' | 'report' | 'zreport'): void {
  const root = document.documentElement;
  root.dataset.print = part;
  const done = () => {
    delete root.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // Chromium's print() blocks until the dialog closes; afterprint may not fire everywhere.
    setTimeout(done, 0);
  }
}
