import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconBarcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderCandidate } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { useBusy } from '../../hooks/useBusy';

/**
 * Adds products to a draft: a scan or a typed SKU, barcode or name (Enter). An exact code, or a
 * single match, is added at once; several matches are offered as buttons. "Add low stock items"
 * adds every product at or under its reorder level with its suggested quantity (the contract's
 * rule: up to twice the reorder level).
 */
export function ProductPicker({ onAdd }: { onAdd: (items: PurchaseOrderCandidate[]) => void }) {
  const { t } = useTranslation('receiving');
  const { busy, run } = useBusy();
  const [code, setCode] = useState('');
  const [choices, setChoices] = useState<PurchaseOrderCandidate[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const find = () =>
    run(async () => {
      const search = code.trim();
      if (!search) return;
      try {
        const { items } = await call('purchaseOrders:candidates', { search });
        const exact = items.find((c) => c.barcode === search || c.sku === search.toUpperCase());
        setProblem(items.length === 0 ? t('po.form.noMatch', { code: search }) : null);
        if (exact || items.length === 1) {
          onAdd([exact ?? items[0]!]);
          setCode('');
          setChoices([]);
        } else setChoices(items.slice(0, 8));
      } catch (e) {
        setProblem(messageFor(e));
      }
    });
  const addLow = () =>
    run(async () => {
      try {
        const { items } = await call('purchaseOrders:candidates', { lowStock: true });
        setProblem(items.length === 0 ? t('po.form.noLowStock') : null);
        onAdd(items);
      } catch (e) {
        setProblem(messageFor(e));
      }
    });

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <TextInput
          className="k-grow"
          label={t('po.form.add')}
          description={t('po.form.addHelp')}
          leftSection={<IconBarcode size={18} />}
          value={code}
          error={problem}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <Button variant="default" loading={busy} onClick={() => void find()}>
          {t('po.form.find')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconAlertTriangle size={18} />}
          onClick={() => void addLow()}
        >
          {t('po.form.addLow')}
        </Button>
      </Group>
      {choices.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('po.form.matches')}>
          {choices.map((c) => (
            <Button
              key={c.productId}
              size="xs"
              variant="light"
              onClick={() => {
                onAdd([c]);
                setChoices([]);
                setCode('');
              }}
            >
              {`${c.sku} · ${c.name}`}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
