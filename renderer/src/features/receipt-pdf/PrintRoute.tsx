/**
 * The print route (issue 10, sections 1 and 3; issue 11, sections 3 and 4): what the hidden print
 * window (and the e2e harness) loads to make a PDF. It draws the document from the URL fragment
 * in the store's locale: the 80 mm receipt (the same `Receipt` as the receipt screen), the A4
 * invoice, the A4 Z report, the A4 purchase order or a dashboard report on A4 landscape, then
 * marks `<html data-print-ready>` so the printer knows the page is complete. No IPC, no session.
 */
// Mantine's styles first, then the theme's variables over them, in the order App.tsx uses: the
// shared chunk holds both, and the theme must win (a reversed order fails colour contrast).
import '@mantine/core/styles.css';
import '../../theme/theme.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintDocument } from '../../../../shared/contract/receipts';
import { cataloguesReady, setLocale } from '../../i18n';
import { Receipt } from '../receipt/Receipt';
import { InvoiceA4 } from './InvoiceA4';
import { readPrintDocument } from './print-document';
import { ReportA4 } from './ReportA4';
import { PurchaseOrderA4 } from './PurchaseOrderA4';
import { ZReportA4 } from './ZReportA4';
import './receipt-pdf.css';

export function PrintRoute({ hash }: { hash: string }) {
  const [doc] = useState<PrintDocument | null>(() => readPrintDocument(hash));
  const [ready, setReady] = useState(false);
  useEffect(() => {
    document.documentElement.dataset.printLayout = doc?.layout ?? 'error';
    void setLocale(doc?.store.locale ?? 'en-GB')
      .then(() => cataloguesReady())
      .then(() => setReady(true));
  }, [doc]);
  useEffect(() => {
    if (ready) document.documentElement.dataset.printReady = 'true';
  }, [ready]);
  if (!ready) return null;
  if (!doc) return <PrintError />;
  return (
    <main className="k-print">
      {doc.layout === 'zReportA4' ? (
        <ZReportA4 doc={doc} />
      ) : doc.layout === 'reportA4' ? (
        <ReportA4 doc={doc} />
      ) : doc.layout === 'purchaseOrderA4' ? (
        <PurchaseOrderA4 doc={doc} />
      ) : doc.layout === 'invoiceA4' ? (
        <InvoiceA4 doc={doc} />
      ) : (
        <Receipt sale={doc.sale} settings={doc.store} />
      )}
    </main>
  );
}

function PrintError() {
  const { t } = useTranslation('receiptPdf');
  return <p role="alert">{t('unreadable')}</p>;
}
