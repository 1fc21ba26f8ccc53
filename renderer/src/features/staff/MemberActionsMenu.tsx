import { ActionIcon, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { StaffView } from '../../../../shared/contract';
import { useTranslation } from 'react-i18next';
import { actionLabel, type MemberAction } from './member-actions';

export interface MemberActionsMenuProps {
  member: StaffView;
  actions: readonly MemberAction[];
  onAction: (action: MemberAction, member: StaffView) => void;
}

const DANGER: ReadonlySet<MemberAction> = new Set(['disable', 'delete']);

/** The "more actions" menu of one staff row. */
export function MemberActionsMenu({ member, actions, onAction }: MemberActionsMenuProps) {
  const { t } = useTranslation('staff');
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={220}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('actions.menu', { name: member.displayName })}
        >
          <IconDots size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item
            key={action}
            color={DANGER.has(action) ? 'red' : undefined}
            onClick={() => onAction(action, member)}
          >
            {actionLabel(action)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
