/** One problem found by a {@link Check}: the dotted path of the field, and what is wrong. */
export interface CheckIssue {
  path: string;
  message: string;
}

/**
 * A validator that records what is wrong with `value` in `issues`. `T` is the type a
 * value has when no issue was recorded. Checks are the browser's lean twin of the zod
 * schemas: zod/mini costs ≥ 4.5 KiB (brotli) before the first widget paints, these
 * cost a few hundred bytes, and tests hold both to the same answers.
 */
export interface Check<T> {
  (value: unknown, path: string, issues: CheckIssue[]): void;
  /** Carries `T` for inference only; never set. */
  readonly checks?: T;
}

/** The checked type of a {@link Check}. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const fail = (issues: CheckIssue[], path: string, message: string) =>
  void issues.push({ path: path || '(root)', message });

/** A string of `min`–`max` characters that matches `pattern` and passes `test`, if given. */
/*#__NO_SIDE_EFFECTS__*/
export function text(
  min: number,
  max: number,
  message: string,
  test?: RegExp | ((value: string) => boolean),
): Check<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') return fail(issues, path, 'expected string');
    const passes = typeof test === 'function' ? test(value) : !test || test.test(value);
    if (value.length < min || value.length > max || !passes) fail(issues, path, message);
  };
}

/** A finite number (an integer when `integer`) from `min` to `max`. */
/*#__NO_SIDE_EFFECTS__*/
export function num(min: number, max: number, integer: boolean, message: string): Check<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return fail(issues, path, 'expected number');
    if ((integer && !Number.isSafeInteger(value)) || value < min || value > max)
      fail(issues, path, message);
  };
}

/** One of the given values, compared with `===`. */
/*#__NO_SIDE_EFFECTS__*/
export function oneOf<const T extends string | boolean>(
  values: readonly T[],
  message: string,
): Check<T> {
  return (value, path, issues) => {
    if (!values.includes(value as T)) fail(issues, path, message);
  };
}

/** `check`, or `undefined`. */
/*#__NO_SIDE_EFFECTS__*/
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path, issues) => {
    if (value !== undefined) check(value, path, issues);
  };
}

/** `check`, or `null`. */
/*#__NO_SIDE_EFFECTS__*/
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path, issues) => {
    if (value !== null) check(value, path, issues);
  };
}

/** A plain object whose fields pass `shape`; with `strict`, other fields are issues too. */
/*#__NO_SIDE_EFFECTS__*/
export function object<T>(shape: { [K in keyof T]-?: Check<T[K]> }, strict: boolean): Check<T> {
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(issues, path, 'expected object');
    }
    const record = value as Record<string, unknown>;
    for (const key in shape) (shape[key] as Check<unknown>)(record[key], at(path, key), issues);
    if (!strict) return;
    for (const key in record) if (!(key in shape)) fail(issues, at(path, key), 'unknown field');
  };
}

/** An object whose every value passes `check`, and every key `keyCheck` if given. */
/*#__NO_SIDE_EFFECTS__*/
export function recordOf<T>(check: Check<T>, keyCheck?: Check<string>): Check<Record<string, T>> {
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(issues, path, 'expected object');
    }
    for (const [key, item] of Object.entries(value)) {
      keyCheck?.(key, at(path, key), issues);
      check(item, at(path, key), issues);
    }
  };
}

/** An array of `min`–`max` items that each pass `check`. */
/*#__NO_SIDE_EFFECTS__*/
export function arrayOf<T>(check: Check<T>, min = 0, max = Infinity): Check<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return fail(issues, path, 'expected array');
    if (value.length < min || value.length > max)
      fail(issues, path, `must hold ${min}–${max} items`);
    for (let index = 0; index < value.length; index++) check(value[index], at(path, index), issues);
  };
}

/** The result of {@link validate}. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: CheckIssue[] };

/** Runs `check` on `value`: the value, typed, or every issue found. */
export function validate<T>(check: Check<T>, value: unknown): Validated<T> {
  const issues: CheckIssue[] = [];
  check(value, '', issues);
  return issues.length ? { ok: false, issues } : { ok: true, value: value as T };
}
