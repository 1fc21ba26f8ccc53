/**
 * The products store: one page of the product list (search, status filter, offset paging; the
 * core does the searching and paging, so 20,000 products cost the same as 20) and the actions on
 * products. It calls the API client only. Actions throw the AppError so the dialog that started
 * them can show it; after a change the current page is loaded again.
 */
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, ProductView } from '../../../shared/contract';
import { call } from '../api/client';
import { refreshOn } from './store-changes';
import { messageFor } from '../api/messages';
import { useSessionStore } from './session';

export const PRODUCTS_PAGE_SIZE = 25;

export type ProductStatusFilter = ChannelInput<'products:list'>['status'] & string;
/** A category's id (with its sub-categories), `'none'` for products without one, or `'any'`. */
export type ProductCategoryFilter = number | 'none' | 'any';

export interface ProductsState {
  search: string;
  status: ProductStatusFilter;
  category: ProductCategoryFilter;
  page: number;
  items: ProductView[];
  total: number;
  loading: boolean;
  /** True once a page has arrived (so "no products" is not shown while loading). */
  loaded: boolean;
  /** Human message when the list could not be loaded. */
  error: string | null;

  /** Loads the current page with the current filters. */
  load: () => Promise<void>;
  /** Changes the search and/or status, goes back to the first page and loads. */
  setFilters: (filters: {
    search?: string;
    status?: ProductStatusFilter;
    category?: ProductCategoryFilter;
  }) => Promise<void>;
  setPage: (page: number) => Promise<void>;

  create: (input: ChannelInput<'products:create'>) => Promise<ProductView>;
  update: (input: ChannelInput<'products:update'>) => Promise<ProductView>;
  /** Deletes a product never sold, archives one that was; says which. */
  remove: (id: number) => Promise<ChannelOutput<'products:remove'>>;
  restore: (id: number) => Promise<ProductView>;
  /** Checks (`commit: false`) or imports a CSV file; reloads the list after a commit. */
  importCsv: (input: ChannelInput<'products:import'>) => Promise<ChannelOutput<'products:import'>>;
  reset: () => void;
}

export const initialProductsState = {
  search: '',
  status: 'sellable' as ProductStatusFilter,
  category: 'any' as ProductCategoryFilter,
  page: 0,
  items: [] as ProductView[],
  total: 0,
  loading: false,
  loaded: false,
  error: null as string | null,
};

/** The input for `products:list` for these filters and page. */
export function productListInput(
  search: string,
  status: ProductStatusFilter,
  page: number,
  category: ProductCategoryFilter = 'any',
): ChannelInput<'products:list'> {
  return {
    search: search.trim(),
    status,
    ...(category === 'any' ? {} : { categoryId: category === 'none' ? null : category }),
    limit: PRODUCTS_PAGE_SIZE,
    offset: page * PRODUCTS_PAGE_SIZE,
  };
}

/** Counts list loads so a slow answer cannot overwrite a newer one. */
let loadSeq = 0;

/** The products store; see the module comment. */
export const useProductsStore = create<ProductsState>()((set, get) => {
  const change = async <T>(action: () => Promise<T>): Promise<T> => {
    const result = await action();
    await get().load();
    return result;
  };

  return {
    ...initialProductsState,

    load: async () => {
      const seq = ++loadSeq;
      const { search, status, page, category } = get();
      set({ loading: true, error: null });
      try {
        const { items, total } = await call(
          'products:list',
          productListInput(search, status, page, category),
        );
        if (seq !== loadSeq) return;
        // A removal can empty the last page: step back to the new last one.
        const lastPage = Math.max(0, Math.ceil(total / PRODUCTS_PAGE_SIZE) - 1);
        if (items.length === 0 && page > lastPage) {
          set({ page: lastPage });
          await get().load();
          return;
        }
        set({ items, total, loading: false, loaded: true });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, loaded: true, error: messageFor(error) });
      }
    },

    setFilters: async (filters) => {
      set({ ...filters, page: 0 });
      await get().load();
    },

    setPage: async (page) => {
      set({ page });
      await get().load();
    },

    create: (input) => change(() => call('products:create', input)),
    update: (input) => change(() => call('products:update', input)),
    remove: (id) => change(() => call('products:remove', { id })),
    restore: (id) => change(() => call('products:restore', { id })),
    importCsv: async (input) => {
      const report = await call('products:import', input);
      if (input.commit) await get().load();
      return report;
    },

    reset: () => {
      loadSeq++;
      set(initialProductsState);
    },
  };
});

// Another member must not see this member's last search: drop it when the session changes hands.
useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useProductsStore.getState().reset();
});

// Another till (or this one) changed the catalogue: read the page shown again (issue 12).
refreshOn('catalogue', () => {
  const products = useProductsStore.getState();
  return products.loaded ? products.load() : undefined;
});
