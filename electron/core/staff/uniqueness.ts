/** Username and email must be unique (both stored lower-case). Throws CONFLICT naming the field. */
import type { EntityManager } from 'typeorm';
import { AppError, type ValidationIssue } from '../../../shared/errors';
import { StaffEntity } from './staff.entity';

export async function assertUnique(
  em: EntityManager,
  m: { username?: string; email?: string },
  exceptId?: number,
): Promise<void> {
  const repo = em.getRepository(StaffEntity);
  const issues: ValidationIssue[] = [];
  if (m.username !== undefined) {
    const hit = await repo.findOne({ where: { username: m.username }, select: { id: true } });
    if (hit && hit.id !== exceptId)
      issues.push({ path: 'username', message: 'This username is already taken.' });
  }
  if (m.email !== undefined) {
    const hit = await repo.findOne({ where: { email: m.email }, select: { id: true } });
    if (hit && hit.id !== exceptId)
      issues.push({ path: 'email', message: 'This email address is already in use.' });
  }
  if (issues.length > 0)
    throw new AppError('CONFLICT', issues.map((i) => i.message).join(' '), issues);
}
