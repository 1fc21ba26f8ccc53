import { Badge, Paper, Stack, Text, Title } from '@mantine/core';

const DESCRIPTIONS: Record<string, string> = {
  Checkout: 'Ring up sales with barcode scanning, split tender and receipts.',
  Customers: 'Keep customer details and see their purchase history.',
  Products: 'Manage the catalogue: SKUs, barcodes, prices and tax rates.',
  Transactions: 'Find completed sales, void them on the same day, or refund them.',
  Reports: 'X and Z reports, totals by tender and by staff member.',
};

/** A placeholder for a screen that is not built yet. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Paper withBorder radius="lg" p="xl" className="k-placeholder">
        <Stack gap="sm" align="flex-start">
          <Badge variant="light" size="lg">
            Coming soon
          </Badge>
          <Text size="lg">{DESCRIPTIONS[title] ?? 'This screen is on its way.'}</Text>
          <Text c="dimmed">It will appear here in a later version of Kassa.</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
