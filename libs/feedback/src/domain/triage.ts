import { FeedbackKind, Sentiment, Severity } from './feedback.types';
import {
  DEFAULT_KEYWORD_RULES,
  KeywordRule,
  NEGATIVE_STEMS,
  POSITIVE_STEMS,
} from './triage-keywords';

export interface TriageInput {
  readonly kind: FeedbackKind;
  readonly rating: number | null;
  readonly nps: number | null;
  readonly category: string | null;
  readonly text: string | null;
}

export interface TriageResult {
  readonly sentiment: Sentiment;
  readonly severity: Severity;
  readonly category: string;
  readonly needsCase: boolean;
  readonly reasons: readonly string[];
}

const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const atLeast = (a: Severity, b: Severity): Severity =>
  SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;

const escape = (stem: string) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stem matches at the start of a word, so "line" is not found in "online". */
const patterns = new Map<string, RegExp>();
const patternOf = (stem: string): RegExp => {
  let pattern = patterns.get(stem);
  if (!pattern) patterns.set(stem, (pattern = new RegExp(`(?:^|[^\\p{L}])${escape(stem)}`, 'u')));
  return pattern;
};

/**
 * One pattern per stem list answers "any of them?" in a single scan. Most feedback matches no
 * stem of a list, so the per-stem search (which keeps the list's order for the reason) is rare.
 */
const anyPatterns = new WeakMap<readonly string[], RegExp>();
const anyPatternOf = (stems: readonly string[]): RegExp => {
  let pattern = anyPatterns.get(stems);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^\\p{L}])(?:${stems.map(escape).join('|')})`, 'u');
    anyPatterns.set(stems, pattern);
  }
  return pattern;
};

/** A stem matches at the start of a word, so "line" is not found in "online". */
const findStem = (text: string, stems: readonly string[]) =>
  stems.length === 0 || !anyPatternOf(stems).test(text)
    ? undefined
    : stems.find((stem) => patternOf(stem).test(text));

/** Rule-based, explainable triage: every conclusion comes with the reason that produced it. */
export function triage(
  input: TriageInput,
  rules: readonly KeywordRule[] = DEFAULT_KEYWORD_RULES,
): TriageResult {
  const reasons: string[] = [];
  const text = (input.text ?? '').toLocaleLowerCase();
  let sentiment: Sentiment = 'neutral';
  let severity: Severity = 'low';
  let needsCase = false;

  if (input.kind === 'complaint') {
    sentiment = 'negative';
    severity = 'medium';
    needsCase = true;
    reasons.push('kind complaint');
  } else if (input.kind === 'praise') {
    sentiment = 'positive';
    reasons.push('kind praise');
  }
  if (input.rating !== null) {
    if (input.rating <= 2) {
      sentiment = 'negative';
      severity = atLeast(severity, input.rating === 1 ? 'high' : 'medium');
      needsCase = true;
    } else if (input.rating >= 4 && sentiment !== 'negative') sentiment = 'positive';
    reasons.push(`rating ${input.rating} of 5`);
  }
  if (input.nps !== null) {
    if (input.nps <= 6) {
      sentiment = 'negative';
      severity = atLeast(severity, input.nps <= 3 ? 'high' : 'medium');
      needsCase = true;
      reasons.push(`NPS ${input.nps}: detractor`);
    } else if (input.nps >= 9) {
      if (sentiment !== 'negative') sentiment = 'positive';
      reasons.push(`NPS ${input.nps}: promoter`);
    } else reasons.push(`NPS ${input.nps}: passive`);
  }

  const negativeWord = findStem(text, NEGATIVE_STEMS);
  if (negativeWord && sentiment !== 'negative') {
    sentiment = 'negative';
    reasons.push(`keyword '${negativeWord}' (negative)`);
  } else if (sentiment === 'neutral') {
    const positiveWord = findStem(text, POSITIVE_STEMS);
    if (positiveWord) {
      sentiment = 'positive';
      reasons.push(`keyword '${positiveWord}' (positive)`);
    }
  }

  let category = input.category;
  if (category) reasons.push(`category ${category} given`);
  for (const rule of rules) {
    const stem = findStem(text, rule.stems);
    if (!stem) continue;
    if (!category) {
      category = rule.category;
      reasons.push(`keyword '${stem}' (${rule.category})`);
    }
    // Keywords raise severity only for feedback that is already negative: "thanks, no queue" is no incident.
    if (
      sentiment === 'negative' &&
      SEVERITY_ORDER.indexOf(rule.severity) > SEVERITY_ORDER.indexOf(severity)
    ) {
      severity = rule.severity;
      reasons.push(`severity ${rule.severity} from keyword '${stem}'`);
    }
  }
  return { sentiment, severity, category: category ?? 'other', needsCase, reasons };
}
