import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/* eslint-disable no-control-regex -- matching control characters is the point here */
/** C0 and C1 control characters; multi-line fields may keep tab and line breaks. */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */

export interface TextRule {
  /** Minimum length after trimming (default 0). */
  min?: number;
  max: number;
  /** Allow tab, line feed and carriage return (long texts such as bodies). */
  multiline?: boolean;
}

/** Why a text breaks its rule, or null. Lengths count the trimmed text, as stored. */
export function textProblem(value: unknown, rule: TextRule): string | null {
  if (typeof value !== 'string') return 'must be text';
  const trimmed = value.trim();
  if (trimmed.length < (rule.min ?? 0))
    return rule.min === 1 ? 'must not be empty' : `must be at least ${rule.min} characters`;
  if (trimmed.length > rule.max) return `must be at most ${rule.max} characters`;
  if ((rule.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(trimmed))
    return 'must not contain control characters';
  return null;
}

/**
 * class-validator rule for free text: length bounds on the trimmed value and no control
 * characters. Services store `value.trim()` (see `clean`).
 */
export function CleanText(rule: TextRule, options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'cleanText',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => value === null || value === undefined || textProblem(value, rule) === null,
        defaultMessage: (args: ValidationArguments) => {
          // With `each`, the value is the whole list: name the entry at fault, not the list.
          if (options?.each && Array.isArray(args.value)) {
            const index = args.value.findIndex((entry) => textProblem(entry, rule) !== null);
            return `${args.property}[${index}] ${textProblem(args.value[index], rule)}`;
          }
          return `${args.property} ${textProblem(args.value, rule)}`;
        },
      },
    });
  };
}

/** The stored form of validated text. */
export function clean(value: string): string;
export function clean(value: string | null | undefined): string | null | undefined;
export function clean(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' ? value.trim() : value;
}

/** Limits shared by inputs (issue #3). */
/** A BCP 47 language tag such as en or pt-BR (shape only; tags are not looked up). */
export const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const LIMITS = {
  summary: { min: 1, max: 500 },
  body: { max: 20_000, multiline: true },
  excerpt: { min: 1, max: 2_000, multiline: true },
  url: { min: 1, max: 2_048 },
  name: { min: 1, max: 200 },
  title: { min: 1, max: 500 },
  note: { min: 1, max: 1_000, multiline: true },
  quote: { min: 1, max: 2_000, multiline: true },
  quoteContext: { min: 1, max: 200, multiline: true },
  reason: { min: 1, max: 1_000, multiline: true },
  slug: { min: 1, max: 200 },
  label: { min: 1, max: 200 },
  section: { min: 1, max: 100 },
  language: { min: 2, max: 35 },
  headline: { min: 1, max: 500 },
  standfirst: { max: 1_000, multiline: true },
  articleBody: { min: 1, max: 200_000, multiline: true },
} as const satisfies Record<string, TextRule>;
