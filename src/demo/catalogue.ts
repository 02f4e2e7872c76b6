/** The demo shop: SKUs in six categories with CNY prices from 19 to 2999, and how a member picks what to buy. */
import { cumulative, type Rng } from './prng.ts';

export const CATEGORIES = ['coffee_beans', 'equipment', 'membership', 'course', 'event_ticket', 'merch'] as const;
export type Category = (typeof CATEGORIES)[number];

interface Sku {
  sku: string;
  category: Category;
  /** Unit price in fen (CNY cents). */
  price: number;
  /** Beans and merch are bought in quantities; the rest one at a time. */
  maxQuantity: number;
}

const RAW: readonly [string, Category, number, number][] = [
  ['MERCH-STICKER', 'merch', 19, 3],
  ['MEM-MONTH', 'membership', 29, 1],
  ['MERCH-TOTE', 'merch', 39, 2],
  ['BEAN-YUNNAN-250', 'coffee_beans', 45, 3],
  ['MERCH-MUG', 'merch', 49, 2],
  ['TKT-CUPPING', 'event_ticket', 59, 2],
  ['GEAR-V60', 'equipment', 69, 1],
  ['BEAN-HUILA-250', 'coffee_beans', 78, 3],
  ['BEAN-YRG-250', 'coffee_beans', 88, 3],
  ['COURSE-ONLINE', 'course', 99, 1],
  ['BEAN-KENYA-250', 'coffee_beans', 108, 2],
  ['MERCH-TEE', 'merch', 119, 2],
  ['TKT-FEST', 'event_ticket', 129, 2],
  ['GEAR-SCALE', 'equipment', 149, 1],
  ['GEAR-KETTLE', 'equipment', 199, 1],
  ['BEAN-GEISHA-100', 'coffee_beans', 268, 1],
  ['MEM-YEAR', 'membership', 299, 1],
  ['GEAR-GRINDER-HAND', 'equipment', 399, 1],
  ['COURSE-LATTE-ART', 'course', 499, 1],
  ['GEAR-GRINDER-ELEC', 'equipment', 1299, 1],
  ['COURSE-BARISTA', 'course', 1999, 1],
  ['GEAR-ESPRESSO', 'equipment', 2999, 1],
];

/** Sorted by price. */
export const CATALOGUE: readonly Sku[] = RAW.map(([sku, category, yuan, maxQuantity]) => ({ sku, category, price: yuan * 100, maxQuantity }));
const LOG_PRICE = Float64Array.from(CATALOGUE, (s) => Math.log(s.price));
/** Typical basket: around 80 CNY. */
const MEDIAN_LOG_PRICE = Math.log(8000);

/** A member's spending level: the log of the price it typically pays (log-normal across members). */
export function spendLevel(rng: Rng): number {
  return MEDIAN_LOG_PRICE + 1.0 * rng.normal();
}

export interface Purchase {
  sku: string;
  category: Category;
  quantity: number;
  /** Integer fen. */
  amount: number;
}

/** How often each category is bought: beans are the staple, courses and big equipment are rarer. */
const CATEGORY_CUM = cumulative([40, 14, 12, 8, 10, 16]);
const BY_CATEGORY: readonly number[][] = CATEGORIES.map((c) => CATALOGUE.flatMap((s, k) => (s.category === c ? [k] : [])));

/**
 * One order: a category by popularity, then the SKU of that category whose price is nearest to a draw around the
 * member's spending level, so big spenders stay big spenders and amounts are log-normal-ish.
 */
export function purchase(rng: Rng, level: number): Purchase {
  const target = level + 0.9 * rng.normal();
  const skus = BY_CATEGORY[rng.weighted(CATEGORY_CUM)] as number[];
  let best = skus[0] as number;
  let bestD = Infinity;
  for (const k of skus) {
    const d = Math.abs((LOG_PRICE[k] as number) - target);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  const s = CATALOGUE[best] as Sku;
  const quantity = s.maxQuantity > 1 && rng.chance(0.3) ? 2 + rng.int(s.maxQuantity - 1) : 1;
  return { sku: s.sku, category: s.category, quantity, amount: s.price * quantity };
}
