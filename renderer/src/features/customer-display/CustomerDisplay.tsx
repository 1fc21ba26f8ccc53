// Mantine's styles first, then the theme's variables over them, in the order App.tsx uses: the
// shared chunk holds both, and the theme must win (a reversed order fails colour contrast).
import '@mantine/core/styles.css';
import '../../theme/theme.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayView } from '../../../../shared/contract/display';
import { cataloguesReady } from '../../i18n';
import { useFormat } from '../../format/locale';
import { useDisplayView } from './useDisplayView';
import './customer-display.css';

/**
 * The customer display (issue 10, section 4): a read-only second window facing the customer. It
 * shows a welcome while the till is idle, the cart's lines and the total while the cashier rings
 * them up, and the amount paid, the change due and a thank-you after the sale. Large type for
 * reading across a counter; the total and change are announced politely to screen readers.
 */
export function CustomerDisplay() {
  const view = useDisplayView();
  const { t } = useTranslation('customerDisplay');
  const [texts, setTexts] = useState(false);
  useEffect(() => {
    void cataloguesReady().then(() => setTexts(true));
  }, []);
  useEffect(() => {
    if (texts) document.title = t('title');
  }, [texts, t]);
  if (view === null || !texts) return <main className="k-cd" aria-busy="true" />;
  if (view === 'unavailable')
    return (
      <main className="k-cd k-cd-idle">
        <h1>{t('unavailable')}</h1>
      </main>
    );
  return view.state === 'idle' ? <Idle view={view} /> : <Lines view={view} />;
}

function Idle({ view }: { view: DisplayView }) {
  const { t } = useTranslation('customerDisplay');
  return (
    <main className="k-cd k-cd-idle">
      <h1>{view.storeName ? t('welcomeTo', { store: view.storeName }) : t('welcome')}</h1>
    </main>
  );
}

function Lines({ view }: { view: DisplayView }) {
  const { t } = useTranslation('customerDisplay');
  const f = useFormat();
  const money = (minor: number) => f.money(minor, view.currency);
  const done = view.state === 'done';
  return (
    <main className="k-cd">
      <h1 className="k-cd-store">{view.storeName}</h1>
      <table className="k-cd-lines" aria-label={t('lines')}>
        <thead>
          <tr>
            <th scope="col">{t('item')}</th>
            <th scope="col">{t('quantity')}</th>
            <th scope="col">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.description}</td>
              <td>{f.count(l.quantity)}</td>
              <td>{money(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="k-cd-summary" aria-live="polite">
        {view.discount !== 0 && (
          <p className="k-cd-row">
            <span>{t('discount')}</span> <span>−{money(view.discount)}</span>
          </p>
        )}
        <p className="k-cd-row k-cd-total">
          <span>{t('total')}</span> <span>{money(view.total)}</span>
        </p>
        {done && view.paid !== null && (
          <p className="k-cd-row">
            <span>{t('paid')}</span> <span>{money(view.paid)}</span>
          </p>
        )}
        {done && view.change !== null && (
          <p className="k-cd-row k-cd-change">
            <span>{t('change')}</span> <span>{money(view.change)}</span>
          </p>
        )}
        {done && <p className="k-cd-thanks">{t('thanks')}</p>}
      </section>
    </main>
  );
}
