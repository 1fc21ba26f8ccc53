/** The store as an A4 document names it. `storeAddress`: lines separated by "\n", may be empty. */
export interface HeadedStore {
  storeName: string;
  storeAddress: string;
  /** Empty when the store has none. */
  taxNumber: string;
}

/**
 * The store's block at the head of an A4 document (Z report, purchase order, report export): its
 * name, each non-empty address line, and the tax number's line in the document's own words
 * (`vatLine`), left out when the store has no tax number.
 */
export function StoreHeading({
  store,
  vatLine,
}: {
  store: HeadedStore;
  vatLine: (number: string) => string;
}) {
  return (
    <div>
      <p className="k-invoice-seller">{store.storeName}</p>
      {store.storeAddress
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      {store.taxNumber && <p>{vatLine(store.taxNumber)}</p>}
    </div>
  );
}
