import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../stores/session';

/** Who is signed in: username and role (the display name is edited under "Your details"). */
export function AccountSection() {
  const { t } = useTranslation('profile');
  const staff = useSessionStore((s) => s.session?.staff);
  if (!staff) return null;
  const rows: Array<[string, string]> = [
    [t('account.username'), staff.username],
    [t('account.role'), staff.roleName],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
