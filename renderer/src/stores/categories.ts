/**
 * The categories store (issue 11, section 1): the whole tree, as `categories:list` answers it
 * (depth first, with paths and product counts), and the changes to it. After a change the tree
 * and the products page are loaded again (counts and the products' categories may have changed).
 * Actions throw the AppError so the dialog that started them can show it.
 */
import { create } from 'zustand';
import type { CategoryView, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { CATEGORY_PATH_SEPARATOR } from '../../../shared/contract/categories';
import { call } from '../api/client';
import { refreshOn } from './store-changes';
import { messageFor } from '../api/messages';
import { useProductsStore } from './products';
import { useSessionStore } from './session';

export interface CategoriesState {
  items: CategoryView[];
  loaded: boolean;
  /** Human message when the tree could not be loaded. */
  error: string | null;
  load: () => Promise<void>;
  create: (input: ChannelInput<'categories:create'>) => Promise<CategoryView>;
  update: (input: ChannelInput<'categories:update'>) => Promise<CategoryView>;
  archive: (id: number) => Promise<ChannelOutput<'categories:archive'>>;
  reset: () => void;
}

const initial = { items: [] as CategoryView[], loaded: false, error: null as string | null };

/** "Drinks > Hot drinks" for a category of the tree. */
export function categoryPathText(c: Pick<CategoryView, 'path'>): string {
  return c.path.join(CATEGORY_PATH_SEPARATOR);
}

export const useCategoriesStore = create<CategoriesState>()((set, get) => {
  const change = async <T>(action: () => Promise<T>): Promise<T> => {
    const result = await action();
    await Promise.all([get().load(), useProductsStore.getState().load()]);
    return result;
  };
  return {
    ...initial,
    load: async () => {
      try {
        const { items } = await call('categories:list', {});
        set({ items, loaded: true, error: null });
      } catch (error) {
        set({ loaded: true, error: messageFor(error) });
      }
    },
    create: (input) => change(() => call('categories:create', input)),
    update: (input) => change(() => call('categories:update', input)),
    archive: (id) => change(() => call('categories:archive', { id })),
    reset: () => set(initial),
  };
});

useSessionStore.subscribe((state, previous) => {
  if (previous.session && (!state.session || state.session.staff.id !== previous.session.staff.id))
    useCategoriesStore.getState().reset();
});

// Another till (or this one) changed the catalogue: read the tree again (issue 12).
refreshOn('catalogue', () => {
  const categories = useCategoriesStore.getState();
  return categories.loaded ? categories.load() : undefined;
});
