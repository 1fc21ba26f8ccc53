/**
 * "OS printer (driver)" mode: printers that do not speak ESC/POS print through their own driver.
 * The core cannot reach Electron, so it asks this port; electron/main implements it with a hidden
 * window and `webContents.print({ silent: true, deviceName })`. Plain Node (tests, the e2e
 * bridge) has none, and such jobs fail with a clear error and wait in the queue.
 */
export interface DriverPrintPort {
  /** Prints `text` (monospace lines, UTF-8) on the OS printer `deviceName`; rejects on failure. */
  print(deviceName: string, text: string): Promise<void>;
}
