import { Pagination, type PaginationProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Pagination with named arrow buttons. Its previous/next/first/last controls are icons
 * only, which axe-core reports as `button-name` (critical; WCAG 2.1 SC 4.1.2): every pager in the
 * app uses this one, so each control is read out as "Previous page", "Next page" and so on.
 */
export function Pager(props: PaginationProps) {
  const { t } = useTranslation('common');
  return (
    <Pagination
      getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
      {...props}
    />
  );
}
