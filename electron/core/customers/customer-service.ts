/**
 * Customers: ranked search, the customer page (stats + recent sales), create/update, remove
 * (delete if no sales, else archive), restore, and CSV import. Every write is audited (L1) and runs through the write queue.
 * See shared/contract/customers.ts for shapes and error codes.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { SaleQueries } from '../sales/sale-queries';
import type { Clock } from '../types';

const todo = (): never => {
  throw new AppError('INTERNAL', 'Not implemented yet');
};

export class CustomerService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly sales: SaleQueries,
  ) {}

  search(
    _input: ChannelParsedInput<'customers:search'>,
  ): Promise<ChannelOutput<'customers:search'>> {
    return todo();
  }
  get(_id: number): Promise<ChannelOutput<'customers:get'>> {
    return todo();
  }
  create(
    _actor: Session,
    _input: ChannelParsedInput<'customers:create'>,
  ): Promise<ChannelOutput<'customers:create'>> {
    return todo();
  }
  update(
    _actor: Session,
    _input: ChannelParsedInput<'customers:update'>,
  ): Promise<ChannelOutput<'customers:update'>> {
    return todo();
  }
  remove(_actor: Session, _id: number): Promise<ChannelOutput<'customers:remove'>> {
    return todo();
  }
  restore(_actor: Session, _id: number): Promise<ChannelOutput<'customers:restore'>> {
    return todo();
  }
  importCsv(
    _actor: Session,
    _input: ChannelParsedInput<'customers:import'>,
  ): Promise<ChannelOutput<'customers:import'>> {
    return todo();
  }
}
