/**
 * X and Z reports on the receipt printer (issue 10, sections 1 and 2), and the shift's hooks into
 * printing: the drawer opens on a no-sale, a counted float and cash paid in or out; a closed
 * shift's Z report prints at once when the receipt printer prints automatically.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { PrintingService } from '../printing/printing-service';
import type { SettingsService } from '../settings/settings-service';
import type { ShiftEvents } from './shift-events';
import type { ShiftService } from './shift-service';
import { xReportDocument, zReportDocument, type ReportLocale } from './shift-report-document';
import type { ZReports } from './z-reports';

export interface ShiftPrintingDeps {
  settings: SettingsService;
  printing: PrintingService;
  shifts: ShiftService;
  zReports: ZReports;
}

/**
 * `shifts:print`: the open shift's X report, or a Z report again marked COPY, queued on the
 * receipt printer. Raises SHIFT_NOT_OPEN (X report, no open shift), NOT_FOUND (unknown Z report),
 * PRINTER_NOT_CONFIGURED (no printer).
 */
export async function printShiftReport(
  d: ShiftPrintingDeps,
  input: ChannelParsedInput<'shifts:print'>,
): Promise<ChannelOutput<'shifts:print'>> {
  const at = reportLocale(d.settings);
  const doc =
    input.zReportId === undefined
      ? xReportDocument(await d.shifts.xReport(), at)
      : zReportDocument(await d.zReports.get(input.zReportId), at, true);
  return d.printing.printReport(doc);
}

/** Wires the shift's listeners to the printer; called once by buildServices. */
export function connectShiftsToPrinter(d: ShiftPrintingDeps, events: ShiftEvents): void {
  events.onDrawerOpen(async (e) => {
    await d.printing.kickDrawer(e.reason);
  });
  events.onShiftClosed(async (z) => {
    const printer = await d.printing.receiptPrinter();
    if (!printer?.autoPrint) return;
    await d.printing.printReport(zReportDocument(z, reportLocale(d.settings)));
  });
}

function reportLocale(settings: SettingsService): ReportLocale {
  return { locale: settings.locale(), timeZone: settings.timeZone() };
}
