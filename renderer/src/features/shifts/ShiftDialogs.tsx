import { CashMovementDialog } from './CashMovementDialog';
import { CloseShiftWizard } from './CloseShiftWizard';
import { NoSaleDialog } from './NoSaleDialog';
import { OpenShiftDialog } from './OpenShiftDialog';
import type { ShiftDialog } from './shift-actions';
import { XReportDialog } from './XReportDialog';
import type { ZReportOutput } from './ZReportView';

/**
 * Every shift dialog of the shift bar; `current` says which one is open. `onPrintZReport` and
 * `onExportZReportPdf` are where the print queue and the PDF export plug in (the shift bar wires
 * them; window.print() without).
 */
export function ShiftDialogs({
  current,
  onClose,
  onPrintZReport,
  onExportZReportPdf,
}: {
  current: ShiftDialog | null;
  onClose: () => void;
  onPrintZReport?: ZReportOutput;
  onExportZReportPdf?: ZReportOutput;
}) {
  const movement = current === 'paidIn' || current === 'paidOut' ? current : null;
  return (
    <>
      <OpenShiftDialog opened={current === 'open'} onClose={onClose} />
      <CashMovementDialog kind={movement} onClose={onClose} />
      <NoSaleDialog opened={current === 'noSale'} onClose={onClose} />
      <XReportDialog opened={current === 'xReport'} onClose={onClose} />
      <CloseShiftWizard
        opened={current === 'close'}
        onClose={onClose}
        onPrint={onPrintZReport}
        onExportPdf={onExportZReportPdf}
      />
    </>
  );
}
