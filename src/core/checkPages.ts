/**
 * A page per check code (docs/checks/CODE.md), shipped with the extension and linked from each finding's code: what
 * the check is for, a text it flags with what Precedent really says about it, a text it leaves alone, and how to
 * turn it off. Made from the checks' table and their explanations by `npm run generate:schema`.
 */
import { DEFAULT_CONFIG, styleSheetNamed } from './checks/config';
import { sentenceCase } from './checks/configSchema';
import { EXPLANATIONS, type CheckExplanation } from './checks/explanations';
import { CHECKS } from './checks/runChecks';
import type { Check, Finding } from './checks/types';
import { ResolutionRegistry } from './citations/registry';
import type { PrecedentWorkspace } from './workspace';

/** Where the pages are, relative to the repository and to the installed extension. */
export const CHECK_PAGES_DIR = 'docs/checks';
const EXAMPLE_FILE = '/example/draft.md';

export function checkPagePath(code: string): string {
  return `${CHECK_PAGES_DIR}/${code}.md`;
}

export function explanationOf(check: Check): CheckExplanation {
  const explanation = EXPLANATIONS[check.code] as CheckExplanation | undefined;
  if (!explanation) throw new Error(`src/core/checks/explanations.ts: no explanation of the check ${check.code}`);
  return explanation;
}

/** The check's own findings on an example text, against the corpus, with its style sheet on when it is a style rule. */
export function exampleFindings(workspace: PrecedentWorkspace, check: Check, text: string): Finding[] {
  const config = { ...DEFAULT_CONFIG, style: check.style ? styleSheetNamed(check.style) : null };
  return workspace.check(text, EXAMPLE_FILE, { registry: new ResolutionRegistry(), config }).filter((f) => f.code === check.code);
}

/** Every page, by its path: one per check and the index. */
export function checkPages(workspace: PrecedentWorkspace): Map<string, string> {
  const pages = new Map<string, string>();
  for (const check of CHECKS) pages.set(checkPagePath(check.code), checkPage(workspace, check));
  pages.set(`${CHECK_PAGES_DIR}/README.md`, indexPage());
  return pages;
}

function checkPage(workspace: PrecedentWorkspace, check: Check): string {
  const explanation = explanationOf(check);
  const findings = exampleFindings(workspace, check, explanation.flags);
  const lines = [
    `# ${check.code}`,
    '',
    `${sentenceCase(check.summary)}. ${explanation.why}`,
    '',
    `Default: **${check.defaultSeverity}**.` +
      (check.style
        ? ` A rule of the ${check.style.toUpperCase()} style sheet: it runs only with \`"style": "${check.style}"\` in` +
          ` \`.precedent.json\` or the setting \`precedent.style\`.`
        : ''),
    '',
    '## What it flags',
    '',
    quote(explanation.flags),
    '',
    ...(explanation.needsCorpus ? [`It needs ${explanation.needsCorpus}.`, ''] : []),
    ...findings.flatMap((finding) => [
      `Precedent: *${finding.message}*` +
        (finding.fixes.length > 0 ? ` — fixes: ${finding.fixes.map((fix) => `“${fix.title}”`).join(', ')}` : ''),
      '',
    ]),
    '## What it leaves alone',
    '',
    quote(explanation.leavesAlone),
    '',
    `Nothing to flag: ${explanation.leavesAloneBecause}.`,
    '',
    '## Turning it off',
    '',
    `- One finding: **Ignore this finding** in the lightbulb (Ctrl+.), remembered in \`.precedent.json\`.`,
    `- One line: \`<!-- precedent-disable-next-line ${check.code} -->\` on the line above (in a plain-text draft, the same` +
      ' words without the comment marks, on a line of their own).',
    `- A folder and below: \`{ "checks": { "${check.code}": "off" } }\` in its \`.precedent.json\`.`,
    `- Everywhere you work: the setting \`precedent.checks.${check.code}\` set to \`off\` (or to another severity).`,
    '',
    '[Every check](README.md)',
    '',
  ];
  return lines.join('\n');
}

function indexPage(): string {
  return [
    '# Precedent’s checks',
    '',
    'Each finding names its check by a code; the code links to the check’s page.',
    '',
    '| code | what it flags | default |',
    '| --- | --- | --- |',
    ...CHECKS.map(
      (check) =>
        `| [${check.code}](${check.code}.md) | ${check.style ? `${check.style.toUpperCase()} style: ` : ''}${check.summary} | ` +
        `${check.defaultSeverity} |`,
    ),
    '',
  ].join('\n');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
