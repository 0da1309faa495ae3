/** When and to whom the NPS prompt appears: the site's settings, every field optional. */
export interface NpsRulesInput {
  /**
   * `'auto'` shows the prompt when the rules below hold; `'manual'` only on
   * `vouch('nps')` (or the debug switch). @default 'auto'
   */
  trigger?: 'auto' | 'manual' | undefined;
  /** Wait this long on a page (ms) before showing. @default 10000 */
  delayMs?: number | undefined;
  /** Show only from this page view of the visitor on (single-page-app routes count). @default 2 */
  minPageViews?: number | undefined;
  /** Show only this many days after the visitor's last purchase (null: any visitor). @default null */
  afterConversionDays?: number | null | undefined;
  /**
   * Show only on pages matching one of these (empty: every page). A pattern starting
   * with `/` is matched against the path and query, any other against the whole URL
   * without its fragment; `*` stands for any run of characters. @default []
   */
  include?: readonly string[] | undefined;
  /** Never show automatically on pages matching one of these (same patterns). @default [] */
  exclude?: readonly string[] | undefined;
  /** Share of visitors ever asked, 0–1, sticky per visitor. @default 1 */
  sampleRate?: number | undefined;
  /** Days before asking again someone who answered. @default 90 */
  resurveyDays?: number | undefined;
  /** Days before asking again someone who closed (or ignored) the prompt. @default 30 */
  dismissedDays?: number | undefined;
  /** Names the survey; a new name re-draws the sample. @default 'nps' */
  survey?: string | undefined;
}

/** The NPS rules with every default filled in. */
export type NpsRules = { [K in keyof NpsRulesInput]-?: Exclude<NpsRulesInput[K], undefined> };

/** The defaults of {@link NpsRulesInput}. */
export const NPS_RULE_DEFAULTS: NpsRules = {
  trigger: 'auto',
  delayMs: 10_000,
  minPageViews: 2,
  afterConversionDays: null,
  include: [],
  exclude: [],
  sampleRate: 1,
  resurveyDays: 90,
  dismissedDays: 30,
  survey: 'nps',
};

const DAY_LIMIT = 3650;
const PATTERN_LIMIT = 50;

/**
 * The rules with their defaults. Throws a `TypeError` naming each bad field (and the
 * value), so a merchant's typo is caught where the settings are read.
 */
export function npsRules(input: NpsRulesInput = {}): NpsRules {
  const rules = { ...NPS_RULE_DEFAULTS, ...withoutUndefined(input) };
  const problems: string[] = [];
  const need = (field: keyof NpsRules, ok: boolean, what: string) => {
    if (!ok) problems.push(`"${field}" ${what}, not ${JSON.stringify(rules[field])}`);
  };
  const count = (value: unknown, max: number) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;
  const patterns = (value: unknown) =>
    Array.isArray(value) &&
    value.length <= PATTERN_LIMIT &&
    value.every((item) => typeof item === 'string' && item.length >= 1 && item.length <= 500);

  need(
    'trigger',
    rules.trigger === 'auto' || rules.trigger === 'manual',
    "must be 'auto' or 'manual'",
  );
  need('delayMs', count(rules.delayMs, 3_600_000), 'must be 0–3600000 ms');
  need(
    'minPageViews',
    count(rules.minPageViews, 1000) && Number.isInteger(rules.minPageViews),
    'must be a whole number 0–1000',
  );
  need(
    'afterConversionDays',
    rules.afterConversionDays === null || count(rules.afterConversionDays, DAY_LIMIT),
    `must be null or 0–${DAY_LIMIT} days`,
  );
  need(
    'include',
    patterns(rules.include),
    `must be up to ${PATTERN_LIMIT} patterns of 1–500 characters`,
  );
  need(
    'exclude',
    patterns(rules.exclude),
    `must be up to ${PATTERN_LIMIT} patterns of 1–500 characters`,
  );
  need('sampleRate', count(rules.sampleRate, 1), 'must be from 0 to 1');
  need('resurveyDays', count(rules.resurveyDays, DAY_LIMIT), `must be 0–${DAY_LIMIT} days`);
  need('dismissedDays', count(rules.dismissedDays, DAY_LIMIT), `must be 0–${DAY_LIMIT} days`);
  need(
    'survey',
    typeof rules.survey === 'string' && rules.survey.length >= 1 && rules.survey.length <= 100,
    'must be 1–100 characters',
  );
  if (problems.length) throw new TypeError(`[vouch] NPS rules: ${problems.join('; ')}`);
  return rules;
}

function withoutUndefined(input: NpsRulesInput): Partial<NpsRules> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<NpsRules>;
}
