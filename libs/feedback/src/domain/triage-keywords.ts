import { Severity } from './feedback.types';

/**
 * Stems matched inside lower-cased text, in English, Russian and Ukrainian. Stems rather than words
 * because both Slavic languages inflect heavily ("грубый", "грубо", "грубили" share "груб").
 */
export interface KeywordRule {
  readonly category: string;
  readonly severity: Severity;
  readonly stems: readonly string[];
}

export const DEFAULT_KEYWORD_RULES: readonly KeywordRule[] = [
  {
    category: 'food_safety',
    severity: 'critical',
    stems: [
      'poison',
      'food safety',
      'mould',
      'mold',
      'expired',
      'отравл',
      'плесен',
      'просроч',
      'отру',
      'цвіль',
      'прострочен',
    ],
  },
  {
    category: 'safety',
    severity: 'critical',
    stems: ['injur', 'fire', 'unsafe', 'травм', 'пожар', 'небезпеч', 'опасн'],
  },
  {
    category: 'staff',
    severity: 'high',
    stems: [
      'rude',
      'staff',
      'cashier',
      'manager',
      'груб',
      'хам',
      'персонал',
      'кассир',
      'касир',
      'продавец',
      'продавч',
    ],
  },
  {
    category: 'queue',
    severity: 'medium',
    stems: [
      'queue',
      'line',
      'wait',
      'checkout',
      'очеред',
      'черг',
      'ждал',
      'чекал',
      'касса',
      'каса',
    ],
  },
  {
    category: 'product_quality',
    severity: 'medium',
    stems: [
      'stale',
      'bread',
      'quality',
      'spoil',
      'rotten',
      'черств',
      'хлеб',
      'хліб',
      'качеств',
      'якіст',
      'гнил',
      'испорч',
      'зіпсов',
    ],
  },
  {
    category: 'cleanliness',
    severity: 'medium',
    stems: ['dirty', 'clean', 'smell', 'грязн', 'брудн', 'запах', 'вонь', 'сміт', 'мусор'],
  },
  {
    category: 'pricing',
    severity: 'low',
    stems: ['price', 'overcharg', 'expensive', 'цен', 'цін', 'дорог', 'обсчит', 'обрахув'],
  },
];

/** Words that make any feedback sound negative, whatever its kind. */
export const NEGATIVE_STEMS: readonly string[] = [
  'terrible',
  'awful',
  'worst',
  'disappoint',
  'never again',
  'bad',
  'ужасн',
  'отвратит',
  'плох',
  'разочаров',
  'жахлив',
  'поган',
  'розчаров',
  'огидн',
];

export const POSITIVE_STEMS: readonly string[] = [
  'thank',
  'great',
  'excellent',
  'love',
  'friendly',
  'helpful',
  'спасибо',
  'благодар',
  'отличн',
  'прекрасн',
  'дякую',
  'чудов',
  'відмінн',
  'вежлив',
  'ввічлив',
];
