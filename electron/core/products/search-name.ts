/** The folded product name stored in `search_name`. */
import { foldForSearch } from '../search/normalize';

/** `name` folded for `search_name`, capped at the column's 200 characters (folding can lengthen text). */
export function productSearchName(name: string): string {
  return Array.from(foldForSearch(name)).slice(0, 200).join('');
}
