import '@mantine/charts/styles.css';
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useAnalyticsStore } from '../../stores/analytics';
import { formatBusinessDay } from '../transactions/business-days';
import { CategoryScope } from './CategoryScope';
import { CustomersCard } from './CustomersCard';
import { ExportMenu } from './ExportMenu';
import { KeyFigureCards } from './KeyFigureCards';
import { RangeBar } from './RangeBar';
import { SalesHeatmap } from './SalesHeatmap';
import { StaffPerformanceCard } from './StaffPerformanceCard';
import { TaxReportCard } from './TaxReportCard';
import { TopCategoriesCard } from './TopCategoriesCard';
import { TopProductsCard } from './TopProductsCard';
import { TrendCard } from './TrendCard';
import './analytics.css';

/**
 * The Reports dashboard (issue 11, section 4; permission reports.view): for a range of business
 * days in the store's time zone, the key figures and margin against the previous period, the
 * sales trend, top products and top categories (within a category when one is chosen), staff
 * performance, when the shop sells, the tax report and customers. Every figure comes from the
 * core's daily rollups; every chart can be read as a table, and every report exports as CSV or
 * PDF (ExportMenu).
 */
export function DashboardView() {
  const { t } = useTranslation('analytics');
  const { range, data, loading, error, topBy, init, chooseTopBy } = useAnalyticsStore();
  const { categoryBy, chooseCategoryBy } = useAnalyticsStore();

  useEffect(() => {
    void init();
  }, [init]);

  return (
    <Stack gap="lg" className="k-analytics">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {range && (
          <Text c="dimmed">
            {range.from === range.to
              ? formatBusinessDay(range.from)
              : t('range.text', {
                  from: formatBusinessDay(range.from, 'medium'),
                  to: formatBusinessDay(range.to, 'medium'),
                })}
          </Text>
        )}
      </Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <RangeBar />
        <Group className="k-no-print">
          <ExportMenu />
        </Group>
      </Group>
      <FormAlert message={error} />
      {!data && loading && <Loader aria-label={t('loading')} />}
      {data && (
        <>
          <KeyFigureCards figures={data.keyFigures} />
          <TrendCard trend={data.trend} />
          <CategoryScope />
          <div className="k-analytics-pair">
            <TopProductsCard
              top={data.topProducts}
              by={topBy}
              onBy={(by) => void chooseTopBy(by)}
            />
            <TopCategoriesCard
              top={data.topCategories}
              by={categoryBy}
              onBy={(by) => void chooseCategoryBy(by)}
            />
          </div>
          <TaxReportCard tax={data.tax} />
          <StaffPerformanceCard staff={data.staff} />
          <SalesHeatmap heatmap={data.heatmap} />
          <CustomersCard customers={data.customers} />
        </>
      )}
    </Stack>
  );
}
