import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways (or down) in its card: the scrolling box takes the keyboard
 * focus and carries the table's name, so keyboard users can scroll it too (WCAG 2.1.1; axe
 * scrollable-region-focusable). `size` sets the table's least width, and `tall` caps the height.
 */
export function ScrollTable({
  label,
  size,
  tall = false,
  children,
}: {
  label: string;
  size: 'narrow' | 'wide' | 'widest';
  tall?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`k-analytics-scroll k-analytics-scroll-${size}${tall ? ' k-analytics-scroll-tall' : ''}`}
      // A scroll box must be reachable by keyboard (axe scrollable-region-focusable).
      tabIndex={0}
      role="group"
      aria-label={label}
    >
      {children}
    </div>
  );
}
