/**
 * The checkout cart: what the cashier has rung up so far. It holds product ids, quantities,
 * discounts and the customer, never prices or totals (the main process prices every line, M1;
 * the one exception is the price typed for an open-price product, which the core checks):
 * after every change it asks `sales:quote` and keeps the answer for the screen. Quotes are
 * debounced a little and numbered, so only the answer for the latest cart is ever shown.
 *
 * `saleId` is the client-generated UUID of the sale being paid (D2): made at the first "Complete
 * sale" attempt and kept until the cart changes or the sale completes, so a retry after a timeout
 * reuses it and can never record the sale twice.
 */
import { create } from 'zustand';
import type { Cart, ProductView, Quote, SaleDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { DiscountInput } from '../../../shared/money';
import { MAX_QUANTITY } from '../../../shared/money';
import { call } from '../api/client';
import { t } from '../i18n';
import { useSessionStore } from './session';
import { useStorageStore } from './storage';

/** One line as the renderer knows it: a product id and what the cashier chose. */
export interface CartLine {
  productId: number;
  /** For display until the quote arrives (a resumed cart has none: the quote names it). */
  name: string | null;
  sku: string | null;
  quantity: number;
  discount?: DiscountInput;
  /** Minor units: the price typed for an open-price product (each such scan is its own line). */
  unitPrice?: number;
}

export interface CartCustomer {
  id: number;
  name: string;
}

export interface CartState {
  lines: CartLine[];
  discount?: DiscountInput;
  customer: CartCustomer | null;
  /** The line the keyboard acts on (Delete, quantity shortcuts); null when the cart is empty. */
  selected: number | null;
  /** The core's pricing of the current cart; null for an empty cart or before the first answer. */
  quote: Quote | null;
  /** True while a quote for the latest cart is on its way (the shown quote may be older). */
  quoting: boolean;
  /** Why the latest cart could not be priced (e.g. PRODUCT_UNAVAILABLE with `lines.<i>.productId`). */
  quoteError: AppError | null;
  /** The UUID for the sale being paid; see the module comment. */
  saleId: string | null;
  /** The sale just completed, shown as a receipt until "New sale". */
  completed: SaleDetail | null;
  /**
   * Which sale the screen is on: goes up by one whenever a sale ends or another takes its place
   * (complete, reset after park or discard, load of a resumed cart). Anything opened for one sale
   * (a dialog, a half-typed payment) is tied to this number and closes when it changes (issue 8,
   * item 1: the payment dialog must never carry over to the next sale).
   */
  sale: number;

  /**
   * Adds one of `product`; the same product again adds 1 to its line. With `unitPrice` (an
   * open-price product, minor units) it is always a new line at that price. Returns the line index.
   */
  addProduct: (product: Pick<ProductView, 'id' | 'name' | 'sku'>, unitPrice?: number) => number;
  /** Sets a line's quantity (clamped to 1..9999; non-integers are ignored). */
  setQuantity: (index: number, quantity: number) => void;
  removeLine: (index: number) => void;
  setLineDiscount: (index: number, discount: DiscountInput | undefined) => void;
  setDiscount: (discount: DiscountInput | undefined) => void;
  setCustomer: (customer: CartCustomer | null) => void;
  select: (index: number | null) => void;
  /** Replaces the cart with a resumed one (names come from the quote). */
  load: (cart: Cart, customer: CartCustomer | null) => void;
  /**
   * Adds `lines` after the cart's own, as if each were rung up now (a product already on a line
   * adds its quantity there, as `addProduct` does; an open-price line stays its own line).
   */
  append: (lines: CartLine[]) => void;
  /**
   * Resumes parked sale `id` (`sales:resume`, which deletes the parked row) into the cart, with its
   * customer's name from `customers:get` (or "Customer <id>" when that member may not read it).
   * Throws the core's AppError (e.g. NOT_FOUND when another till resumed it first).
   */
  resume: (id: number) => Promise<void>;
  /** The cart as the sales channels take it: ids, quantities, discounts, customer. */
  cartInput: () => Cart;
  /** The sale UUID for this attempt (made once, kept for retries). */
  attemptId: () => string;
  /** Records the completed sale: the cart is emptied and the receipt shown. */
  complete: (sale: SaleDetail) => void;
  /** Asks for a fresh quote now (e.g. after the core refused the tenders). */
  requote: () => void;
  /** Starts a new, empty sale. */
  reset: () => void;
}

/** How long to wait after a change before asking for a quote, so typing a quantity sends one. */
export const QUOTE_DEBOUNCE_MS = 120;

const empty = {
  lines: [] as CartLine[],
  discount: undefined,
  customer: null,
  selected: null,
  quote: null,
  quoting: false,
  quoteError: null,
  saleId: null,
  completed: null,
};

let quoteSeq = 0;
let quoteTimer: ReturnType<typeof setTimeout> | null = null;

function clampQuantity(q: number): number {
  return Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(q)));
}

/** The cart store; see the module comment. */
export const useCartStore = create<CartState>()((set, get) => {
  /** After any change: forget the sale id (it is a different sale now) and quote again soon. */
  const changed = () => {
    set({ saleId: null });
    scheduleQuote();
  };

  const scheduleQuote = () => {
    const seq = ++quoteSeq;
    if (quoteTimer) clearTimeout(quoteTimer);
    quoteTimer = null;
    if (get().lines.length === 0) {
      set({ quote: null, quoting: false, quoteError: null });
      return;
    }
    set({ quoting: true });
    quoteTimer = setTimeout(() => {
      quoteTimer = null;
      void runQuote(seq);
    }, QUOTE_DEBOUNCE_MS);
  };

  const runQuote = async (seq: number) => {
    try {
      const quote = await call('sales:quote', get().cartInput());
      if (seq !== quoteSeq) return;
      // Lines added before their product view was known (a resumed cart) take the quote's names.
      const lines = get().lines.map((l, i) => {
        const q = quote.lines[i];
        return q && q.productId === l.productId ? { ...l, name: q.description, sku: q.sku } : l;
      });
      set({ quote, lines, quoting: false, quoteError: null });
    } catch (error) {
      if (seq !== quoteSeq) return;
      set({
        quoting: false,
        quoteError:
          error instanceof AppError ? error : new AppError('INTERNAL', 'The quote failed'),
      });
    }
  };

  return {
    ...empty,
    sale: 1,
    addProduct: (product, unitPrice) => {
      const lines = [...get().lines];
      let index =
        unitPrice === undefined
          ? lines.findIndex((l) => l.productId === product.id && l.unitPrice === undefined)
          : -1;
      if (index >= 0) {
        const line = lines[index]!;
        lines[index] = { ...line, quantity: clampQuantity(line.quantity + 1) };
      } else {
        lines.push({
          productId: product.id,
          name: product.name,
          sku: product.sku,
          quantity: 1,
          ...(unitPrice === undefined ? {} : { unitPrice }),
        });
        index = lines.length - 1;
      }
      set({ lines, selected: index, completed: null });
      changed();
      return index;
    },
    setQuantity: (index, quantity) => {
      const line = get().lines[index];
      if (!line || !Number.isFinite(quantity)) return;
      const q = clampQuantity(quantity);
      if (q === line.quantity) return;
      const lines = [...get().lines];
      lines[index] = { ...line, quantity: q };
      set({ lines, selected: index });
      changed();
    },
    removeLine: (index) => {
      const lines = get().lines.filter((_, i) => i !== index);
      if (lines.length === get().lines.length) return;
      const selected = lines.length === 0 ? null : Math.min(index, lines.length - 1);
      set({ lines, selected, ...(lines.length === 0 ? { discount: undefined } : {}) });
      changed();
    },
    setLineDiscount: (index, discount) => {
      const line = get().lines[index];
      if (!line) return;
      const lines = [...get().lines];
      lines[index] = { ...line, discount };
      set({ lines });
      changed();
    },
    setDiscount: (discount) => {
      set({ discount });
      changed();
    },
    setCustomer: (customer) => {
      if (customer?.id === get().customer?.id) return;
      set({ customer });
      changed();
    },
    select: (index) => {
      const n = get().lines.length;
      set({ selected: n === 0 || index === null ? null : Math.min(Math.max(index, 0), n - 1) });
    },
    load: (cart, customer) => {
      set({
        ...empty,
        sale: get().sale + 1,
        lines: cart.lines.map((l) => ({
          productId: l.productId,
          name: null,
          sku: null,
          quantity: l.quantity,
          discount: l.discount,
          ...(l.unitPrice === undefined ? {} : { unitPrice: l.unitPrice }),
        })),
        discount: cart.discount,
        customer,
        selected: cart.lines.length > 0 ? cart.lines.length - 1 : null,
      });
      changed();
    },
    append: (more) => {
      if (more.length === 0) return;
      const lines = [...get().lines];
      for (const line of more) {
        const index =
          line.unitPrice === undefined
            ? lines.findIndex((l) => l.productId === line.productId && l.unitPrice === undefined)
            : -1;
        const found = lines[index];
        if (found)
          lines[index] = { ...found, quantity: clampQuantity(found.quantity + line.quantity) };
        else lines.push(line);
      }
      set({ lines, selected: lines.length - 1 });
      changed();
    },
    resume: async (id) => {
      const { cart } = await call('sales:resume', { id });
      let customer: CartCustomer | null = null;
      if (cart.customerId) {
        try {
          const found = await call('customers:get', { id: cart.customerId });
          customer = { id: found.customer.id, name: found.customer.name };
        } catch {
          customer = {
            id: cart.customerId,
            name: t('checkout:customer.fallbackName', { id: cart.customerId }),
          };
        }
      }
      get().load(cart, customer);
    },
    cartInput: () => {
      const { lines, discount, customer } = get();
      return {
        lines: lines.map((l) => ({
          productId: l.productId,
          quantity: l.quantity,
          ...(l.discount ? { discount: l.discount } : {}),
          ...(l.unitPrice === undefined ? {} : { unitPrice: l.unitPrice }),
        })),
        ...(discount ? { discount } : {}),
        customerId: customer?.id ?? null,
      };
    },
    attemptId: () => {
      const existing = get().saleId;
      if (existing) return existing;
      const id = crypto.randomUUID();
      set({ saleId: id });
      return id;
    },
    complete: (sale) => {
      quoteSeq++;
      if (quoteTimer) clearTimeout(quoteTimer);
      quoteTimer = null;
      set({ ...empty, completed: sale, sale: get().sale + 1 });
    },
    requote: () => scheduleQuote(),
    reset: () => {
      quoteSeq++;
      if (quoteTimer) clearTimeout(quoteTimer);
      quoteTimer = null;
      set({ ...empty, sale: get().sale + 1 });
    },
  };
});

// A cart belongs to the member who rang it up: drop it from this window when someone else signs
// in or all sign out. (Locking the till keeps it, so the cashier carries on after unlocking.) The
// till's stored copy stays: the next member is asked to take it over or park it
// (stores/cart-takeover.ts, issue 8 item 4).
useSessionStore.subscribe((state, previous) => {
  if (state.session?.staff.id !== previous.session?.staff.id) useCartStore.getState().reset();
});

// Issue 12, section 3: a cart the store server could not price while it was away is priced again
// as soon as the till says the server is back (the storage warning goes), with nobody changing it.
useStorageStore.subscribe((state, previous) => {
  if (previous.problem?.reason !== 'server' || state.problem !== null) return;
  const cart = useCartStore.getState();
  if (cart.quoteError?.code === 'SERVER_UNREACHABLE') cart.requote();
});
