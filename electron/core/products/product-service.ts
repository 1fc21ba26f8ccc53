/**
 * Products: search, scanner lookup, create/update, remove (delete if never sold, else archive),
 * restore, and CSV import. Every write is audited (L1) and runs through the write queue.
 * See shared/contract/products.ts for shapes and error codes.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { Clock } from '../types';

const todo = (): never => {
  throw new AppError('INTERNAL', 'Not implemented yet');
};

export class ProductService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  list(_input: ChannelParsedInput<'products:list'>): Promise<ChannelOutput<'products:list'>> {
    return todo();
  }
  lookup(_code: string): Promise<ChannelOutput<'products:lookup'>> {
    return todo();
  }
  get(_id: number): Promise<ChannelOutput<'products:get'>> {
    return todo();
  }
  create(
    _actor: Session,
    _input: ChannelParsedInput<'products:create'>,
  ): Promise<ChannelOutput<'products:create'>> {
    return todo();
  }
  update(
    _actor: Session,
    _input: ChannelParsedInput<'products:update'>,
  ): Promise<ChannelOutput<'products:update'>> {
    return todo();
  }
  remove(_actor: Session, _id: number): Promise<ChannelOutput<'products:remove'>> {
    return todo();
  }
  restore(_actor: Session, _id: number): Promise<ChannelOutput<'products:restore'>> {
    return todo();
  }
  importCsv(
    _actor: Session,
    _input: ChannelParsedInput<'products:import'>,
  ): Promise<ChannelOutput<'products:import'>> {
    return todo();
  }
}
