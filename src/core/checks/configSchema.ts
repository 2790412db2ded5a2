/**
 * The JSON schema of `.precedent.json` and the `precedent.checks.*` settings of package.json, both made from the
 * checks' own table (CHECKS: each code, what it flags, its default severity). `npm run generate:schema` writes them;
 * a unit test fails when the committed files differ from what the table makes.
 */
import { SEVERITY_CHOICES, STYLE_SHEETS } from './config';
import { CHECKS } from './runChecks';
import type { Check } from './types';

/** Where the schema is written, relative to the repository, and where package.json's jsonValidation points. */
export const CONFIG_SCHEMA_PATH = 'schemas/precedent.schema.json';
const CHECK_SETTING_PREFIX = 'precedent.checks.';
/** Where the checks come in the Settings editor, after the general settings. */
const FIRST_CHECK_ORDER = 10;

const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITY_CHOICES)[number], string> = {
  error: 'An error (red); `precedent check` exits with 1.',
  warning: 'A warning (yellow); `precedent check` exits with 1.',
  information: 'Information (blue); the exit status stays 0.',
  hint: 'A hint (dots under the text); the exit status stays 0.',
  off: 'The check does not run.',
};

function whatItFlags(check: Check): string {
  return check.style === 'un' ? `UN style: ${check.summary}` : check.summary;
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function severityChoice(check: Check) {
  return {
    enum: [...SEVERITY_CHOICES],
    enumDescriptions: SEVERITY_CHOICES.map((choice) => SEVERITY_DESCRIPTIONS[choice]),
    default: check.defaultSeverity,
  };
}

/** The Settings editor renders Markdown: code spans where the JSON schema has plain text. */
function settingSeverityChoice(check: Check) {
  const { enumDescriptions, ...choice } = severityChoice(check);
  return { ...choice, markdownEnumDescriptions: enumDescriptions };
}

export function configSchema() {
  const codes = CHECKS.map((check) => check.code);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Precedent configuration (.precedent.json)',
    description: [
      'Check severities, a style sheet and dismissed findings for the drafts in this folder and below it, up to the workspace folder.',
      'A draft reads the nearest .precedent.json only. Made from the checks by `npm run generate:schema`.',
    ].join(' '),
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      style: {
        description: 'A style sheet whose rules run as checks of their own (un-…). The setting precedent.style overrides it.',
        enum: [...STYLE_SHEETS, null],
        enumDescriptions: [...STYLE_SHEETS.map((sheet) => `The ${sheet.toUpperCase()} style sheet's rules run.`), 'No style sheet.'],
      },
      checks: {
        description: 'The severity of a check by its code, or "off". A setting precedent.checks.CODE that you set overrides it.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          CHECKS.map((check) => [
            check.code,
            {
              description: `${sentenceCase(whatItFlags(check))}. Default: ${check.defaultSeverity}.`,
              type: 'string',
              ...severityChoice(check),
            },
          ]),
        ),
      },
      ignore: {
        description: 'Findings dismissed one by one ("Ignore this finding" writes them; "Show Ignored Findings" brings one back).',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'code', 'text'],
          properties: {
            file: { type: 'string', description: 'The draft, relative to this file.' },
            code: {
              description: 'The check that made the finding.',
              enum: codes,
              enumDescriptions: CHECKS.map((check) => sentenceCase(whatItFlags(check))),
            },
            text: { type: 'string', description: 'The flagged text, exactly: the dismissal survives edits elsewhere in the draft.' },
          },
        },
      },
    },
  };
}

/** The `precedent.checks.CODE` settings, in the table's order. */
export function checkSettings(): Record<string, unknown> {
  return Object.fromEntries(
    CHECKS.map((check, i) => [
      `${CHECK_SETTING_PREFIX}${check.code}`,
      {
        type: 'string',
        ...settingSeverityChoice(check),
        markdownDescription: `Severity of the \`${check.code}\` check — ${whatItFlags(check)} — or \`off\`. Overrides \`.precedent.json\`.`,
        order: FIRST_CHECK_ORDER + i,
      },
    ]),
  );
}

/** What the generator reads and writes of package.json. */
export interface PackageJson {
  contributes: { configuration: { properties: Record<string, unknown> } };
}

/** package.json with its `precedent.checks.*` settings made anew from the table; every other setting as it was. */
export function withGeneratedCheckSettings<T extends PackageJson>(manifest: T): T {
  const others = Object.entries(manifest.contributes.configuration.properties).filter(([key]) => !key.startsWith(CHECK_SETTING_PREFIX));
  const properties = { ...Object.fromEntries(others), ...checkSettings() };
  return {
    ...manifest,
    contributes: { ...manifest.contributes, configuration: { ...manifest.contributes.configuration, properties } },
  };
}
