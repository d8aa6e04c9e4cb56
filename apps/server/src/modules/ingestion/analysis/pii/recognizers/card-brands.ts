/**
 * Issuer identification number (IIN) ranges of the major card networks, with the lengths each
 * issues. A Luhn-valid number inside one of these is far more likely a real card than a random
 * Luhn-valid digit string (one in ten of those pass).
 */
interface CardBrand {
  readonly name: string;
  /** [low, high] inclusive ranges over a prefix of `prefixLength` digits. */
  readonly ranges: ReadonlyArray<readonly [number, number, number]>;
  readonly lengths: readonly number[];
}

const CARD_BRANDS: readonly CardBrand[] = [
  { name: "visa", ranges: [[1, 4, 4]], lengths: [13, 16, 19] },
  {
    name: "mastercard",
    ranges: [
      [2, 51, 55],
      [4, 2221, 2720],
    ],
    lengths: [16],
  },
  {
    name: "amex",
    ranges: [
      [2, 34, 34],
      [2, 37, 37],
    ],
    lengths: [15],
  },
  {
    name: "discover",
    ranges: [
      [4, 6011, 6011],
      [2, 65, 65],
      [3, 644, 649],
    ],
    lengths: [16, 17, 18, 19],
  },
  { name: "jcb", ranges: [[4, 3528, 3589]], lengths: [16, 17, 18, 19] },
  {
    name: "diners",
    ranges: [
      [3, 300, 305],
      [2, 36, 36],
      [2, 38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: "unionpay", ranges: [[2, 62, 62]], lengths: [16, 17, 18, 19] },
  {
    name: "maestro",
    ranges: [
      [4, 5018, 5018],
      [4, 5020, 5020],
      [4, 5038, 5038],
      [4, 6304, 6304],
      [4, 6759, 6759],
      [4, 6761, 6763],
    ],
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
  },
];

/** True when `digits` starts with a known IIN and has a length that network issues. */
export function hasKnownIssuer(digits: string): boolean {
  return CARD_BRANDS.some(
    (brand) =>
      brand.lengths.includes(digits.length) &&
      brand.ranges.some(([prefixLength, low, high]) => {
        const prefix = Number(digits.slice(0, prefixLength));
        return prefix >= low && prefix <= high;
      }),
  );
}
