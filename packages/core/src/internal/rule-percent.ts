/**
 * `a / b` in percent, rounded to 1e-9 so that figures on a threshold land on it (5500 / 10000 is 55, not
 * 55.00000000000001): plans compare ratios of round numbers against round thresholds.
 */
export const percent = (a: number, b: number): number => Math.round(((a * 100) / b) * 1e9) / 1e9
