/**
 * Every migration, in the order it runs. Pass classes, not a glob: globs of .ts files fail under
 * Vitest and do not survive bundling. Each class has an explicit `name` so minifiers can't break it.
 */
import { InitialStaffAuthAudit1764000000000 } from './1764000000000-InitialStaffAuthAudit';
import { RetailSales1764100000000 } from './1764100000000-RetailSales';
import { NoReplaceAndAuditSeal1790000001000 } from './1790000001000-NoReplaceAndAuditSeal';
import { LowerCaseSaleUuids1790000003000 } from './1790000003000-LowerCaseSaleUuids';
import { DiscountOverride1790000003100 } from './1790000003100-DiscountOverride';
import { ProductOpenPrice1790000003200 } from './1790000003200-ProductOpenPrice';
import { SaleBusinessDate1790000004000 } from './1790000004000-SaleBusinessDate';
import { StaffSessionEpoch1790000005000 } from './1790000005000-StaffSessionEpoch';
import { AuditIdentifierKey1790000005100 } from './1790000005100-AuditIdentifierKey';
import { TillCarts1790000006000 } from './1790000006000-TillCarts';
import { StoreSetUp1790000006100 } from './1790000006100-StoreSetUp';
import { NormaliseCustomerPhones1790000006200 } from './1790000006200-NormaliseCustomerPhones';
import { AuditFilterIndexes1790000006300 } from './1790000006300-AuditFilterIndexes';
import { TwoFactor1790000007000 } from './1790000007000-TwoFactor';
import { EditableRoles1790000007100 } from './1790000007100-EditableRoles';
import { VerifiedContacts1790000007200 } from './1790000007200-VerifiedContacts';
import { StaffPins1790000007300 } from './1790000007300-StaffPins';
import { StaffPhone1790000007400 } from './1790000007400-StaffPhone';
import { AccessRequestVerification1790000007500 } from './1790000007500-AccessRequestVerification';
import { CashPermissions1790000008000 } from './1790000008000-CashPermissions';
import { Shifts1790000008100 } from './1790000008100-Shifts';
import { PrintQueue1790000008200 } from './1790000008200-PrintQueue';
import { CustomerInvoiceDetails1790000008400 } from './1790000008400-CustomerInvoiceDetails';
import { PrinterReceiptLayout1790000008500 } from './1790000008500-PrinterReceiptLayout';
import { ProductCategories1790000009000 } from './1790000009000-ProductCategories';
import { StockLedger1790000009100 } from './1790000009100-StockLedger';
import { SalesRollups1790000009200 } from './1790000009200-SalesRollups';
import { Receiving1790000009300 } from './1790000009300-Receiving';
import { StockCounts1790000009400 } from './1790000009400-StockCounts';
import { SaleLineCosts1790000009500 } from './1790000009500-SaleLineCosts';
import { CustomerSearchTrigram1790000010000 } from './1790000010000-CustomerSearchTrigram';
import { AuditChainPerTill1790000011000 } from './1790000011000-AuditChainPerTill';
import { RollupsPerTill1790000012000 } from './1790000012000-RollupsPerTill';
import { CustomerSearchNameIndexes1790000013000 } from './1790000013000-CustomerSearchNameIndexes';
import { CustomerSearchStatistics1790000014000 } from './1790000014000-CustomerSearchStatistics';
import { CustomerSearchWithoutPendingList1790000015000 } from './1790000015000-CustomerSearchWithoutPendingList';
import { CustomerSearchJoinedText1790000016000 } from './1790000016000-CustomerSearchJoinedText';
import { PrintersPerTill1790000017000 } from './1790000017000-PrintersPerTill';
import { StoreKeys1790000018000 } from './1790000018000-StoreKeys';
import { TillsLastSeen1790000019000 } from './1790000019000-TillsLastSeen';
import { TillsRetired1790000020000 } from './1790000020000-TillsRetired';

export const MIGRATIONS = [
  InitialStaffAuthAudit1764000000000,
  RetailSales1764100000000,
  NoReplaceAndAuditSeal1790000001000,
  LowerCaseSaleUuids1790000003000,
  DiscountOverride1790000003100,
  ProductOpenPrice1790000003200,
  SaleBusinessDate1790000004000,
  StaffSessionEpoch1790000005000,
  AuditIdentifierKey1790000005100,
  TillCarts1790000006000,
  StoreSetUp1790000006100,
  NormaliseCustomerPhones1790000006200,
  AuditFilterIndexes1790000006300,
  TwoFactor1790000007000,
  EditableRoles1790000007100,
  VerifiedContacts1790000007200,
  StaffPins1790000007300,
  StaffPhone1790000007400,
  AccessRequestVerification1790000007500,
  CashPermissions1790000008000,
  Shifts1790000008100,
  PrintQueue1790000008200,
  CustomerInvoiceDetails1790000008400,
  PrinterReceiptLayout1790000008500,
  ProductCategories1790000009000,
  StockLedger1790000009100,
  SalesRollups1790000009200,
  Receiving1790000009300,
  StockCounts1790000009400,
  SaleLineCosts1790000009500,
  CustomerSearchTrigram1790000010000,
  AuditChainPerTill1790000011000,
  RollupsPerTill1790000012000,
  CustomerSearchNameIndexes1790000013000,
  CustomerSearchStatistics1790000014000,
  CustomerSearchWithoutPendingList1790000015000,
  CustomerSearchJoinedText1790000016000,
  PrintersPerTill1790000017000,
  StoreKeys1790000018000,
  TillsLastSeen1790000019000,
  TillsRetired1790000020000,
];
