/**
 * Which screen of the app shell is showing. The shell only offers screens the member's
 * permissions allow, and falls back to the first allowed one (see features/shell/navigation.ts).
 */
import { create } from 'zustand';

export type ScreenId =
  | 'checkout'
  | 'customers'
  | 'products'
  | 'transactions'
  | 'reports'
  | 'data'
  | 'staff'
  | 'settings'
  | 'profile';

export interface NavigationState {
  /** The screen the member chose, or null for the default. */
  screen: ScreenId | null;
  go: (screen: ScreenId) => void;
  reset: () => void;
}

/** The navigation store. */
export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: null,
  go: (screen) => set({ screen }),
  reset: () => set({ screen: null }),
}));
