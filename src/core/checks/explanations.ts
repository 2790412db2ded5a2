/**
 * For each check's page (docs/checks/CODE.md, made by `npm run generate:schema`): why it matters, a text it flags
 * and a text it leaves alone. The pages show what the checks really say about these texts, against the bundled
 * corpus; a unit test keeps every code with its explanation and page, and each example true to its check.
 */

export interface CheckExplanation {
  /** Why a drafter would want to know, in a sentence or two. */
  why: string;
  /** A text the check flags. */
  flags: string;
  /** A text close to it that the check leaves alone, and why in a few words. */
  leavesAlone: string;
  leavesAloneBecause: string;
  /**
   * Set when the check needs more corpus than the bundled five statements to flag its example: what it needs. The
   * page then says so instead of quoting a finding.
   */
  needsCorpus?: string;
}

export const EXPLANATIONS: Record<string, CheckExplanation> = {
  'resolution-year': {
    why:
      'A wrong year in a citation is the mistake a Secretariat editor or another delegation notices first; ' +
      'Security Council resolution numbers belong to one year each.',
    flags: 'Resolution 2231 (2016), which was adopted in December 2016, calls upon Member States to implement the Protocol.',
    leavesAlone: 'Resolution 2331 (2016), which was adopted in December 2016, calls upon Member States to implement the Protocol.',
    leavesAloneBecause: 'resolution 2331 was adopted in 2016',
  },
  'resolution-body': {
    why: 'Before 1976 the General Assembly numbered its resolutions as the Security Council does, so the two are easily confused.',
    flags: 'We recall Security Council resolution 1514 (1960) on the granting of independence to colonial countries and peoples.',
    leavesAlone: 'We recall General Assembly resolution 1514 (XV) on the granting of independence to colonial countries and peoples.',
    leavesAloneBecause: 'the General Assembly resolution is cited as such',
  },
  'resolution-inconsistent': {
    why: 'One resolution cited two ways in one statement leaves the reader unsure which is meant.',
    flags: 'We recall resolution 2900 (2025). Resolution 2900 (2026) also calls upon Member States to act.',
    leavesAlone: 'We recall resolution 2900 (2025). Resolution 2900 (2025) also calls upon Member States to act.',
    leavesAloneBecause: 'both citations agree (where the registry knows the year, resolution-year speaks instead)',
  },
  'resolution-precedent': {
    why: 'A sentence taken from an earlier statement keeps that statement’s citation; when only the number changed, it may be a slip.',
    flags:
      'Resolution 2332, which was adopted last December, calls upon the Member States to fully implement the United Nations ' +
      'Convention against Transnational Organized Crime and its Protocol on trafficking in persons.',
    leavesAlone:
      'Resolution 2331, which was adopted last December, calls upon the Member States to fully implement the United Nations ' +
      'Convention against Transnational Organized Crime and its Protocol on trafficking in persons.',
    leavesAloneBecause: 'it cites the resolution the corpus passage cites',
  },
  'citation-subject': {
    why: 'A number one digit off can still have the right year: then only the subject of the sentence shows the slip.',
    flags:
      'Resolution 2231 (2015) calls upon Member States to fully implement the Protocol to Prevent, Suppress and Punish ' +
      'Trafficking in Persons.',
    leavesAlone: 'Resolution 2231 (2015) endorsed the Joint Comprehensive Plan of Action.',
    leavesAloneBecause: 'the sentence is about what resolution 2231 is cited for',
    needsCorpus:
      'a corpus that cites resolution 2331 (2016) on trafficking in persons at least twice (the bundled corpus cites it once, ' +
      'too little to tell what it is about); the finding then names 2331 (2016) as the resolution the sentence is about',
  },
  'figure-precedent': {
    why: 'A pledge or a contribution restated with another figure is a commitment misquoted.',
    flags: 'In that regard, Japan has pledged approximately 32 million US dollars to the UNODC.',
    leavesAlone: 'In that regard, Japan has pledged approximately 23 million US dollars to the UNODC.',
    leavesAloneBecause: 'the figure is the one the corpus records',
  },
  'repeated-word': {
    why: 'A doubled word survives many readings of a draft and none of the delivered text.',
    flags: 'We also recall the the principles it set out.',
    leavesAlone: 'We also recall that that principle was set out in 2016.',
    leavesAloneBecause: '"that that" is grammatical',
  },
  'abbreviation-undefined': {
    why: 'An abbreviation is spelt out at its first use, so that every listener knows what it stands for.',
    flags: 'Japan is stepping up its support to the UNODC.',
    leavesAlone: 'Japan is stepping up its support to the United Nations Office on Drugs and Crime (UNODC) and to the UN.',
    leavesAloneBecause: 'UNODC is spelt out, and UN is widely known',
  },
  'abbreviation-before-definition': {
    why: 'A spelt-out form after the abbreviation comes too late for the listener.',
    flags: 'We support the UNODC. The United Nations Office on Drugs and Crime (UNODC) does vital work.',
    leavesAlone: 'The United Nations Office on Drugs and Crime (UNODC) does vital work. We support the UNODC.',
    leavesAloneBecause: 'the abbreviation is spelt out before it is used',
  },
  'abbreviation-redefined': {
    why: 'An abbreviation spelt out twice, or two ways, reads as two organizations.',
    flags: 'The United Nations Office on Drugs and Crime (UNODC) helps. The UN Office on Drugs and Crime (UNODC) also helps.',
    leavesAlone: 'The United Nations Office on Drugs and Crime (UNODC) helps. The UNODC also helps.',
    leavesAloneBecause: 'it is spelt out once',
  },
  'salutation-mixed': {
    why: 'A statement addresses one presiding officer, in one form, from its opening to its thanks.',
    flags: 'Mr. President,\n\nWe thank the briefers.\n\nI thank you, Madam President.',
    leavesAlone: 'Madam President,\n\nWe thank the briefers.\n\nI thank you, Madam President.',
    leavesAloneBecause: 'the salutation is the same throughout',
  },
  'spelling-variant': {
    why: 'Two spellings of one word in one text look careless, whichever is right.',
    flags: 'The programme of work was adopted. The program will start next year.',
    leavesAlone: 'The programme of work was adopted. The programme will start next year.',
    leavesAloneBecause: 'one spelling is used throughout',
  },
  'bracket-left': {
    why: 'Brackets mark text still under negotiation; a final text has none left.',
    flags: '---\nstatus: final\n---\n\nThe Council [encourages/calls upon] Member States to act.',
    leavesAlone: '---\nstatus: draft\n---\n\nThe Council [encourages/calls upon] Member States to act.',
    leavesAloneBecause: 'the draft is not marked final',
  },
  'un-resolution-case': {
    why: 'The UN Editorial Manual writes “resolution” in lower case in running text.',
    flags: 'We recall Security Council Resolution 2331 (2016).',
    leavesAlone: 'We recall Security Council resolution 2331 (2016).',
    leavesAloneBecause: '“resolution” is in lower case',
  },
  'un-body-in-full': {
    why: 'The UN Editorial Manual names the issuing body in full.',
    flags: 'We recall UNSC resolution 2331 (2016).',
    leavesAlone: 'We recall Security Council resolution 2331 (2016).',
    leavesAloneBecause: 'the body is named in full',
  },
  'un-date-format': {
    why: 'The UN Editorial Manual writes dates as day, month, year: “20 December 2016”.',
    flags: 'The resolution was adopted on December 20, 2016.',
    leavesAlone: 'The resolution was adopted on 20 December 2016.',
    leavesAloneBecause: 'the date is in the UN’s form',
  },
  'un-member-states': {
    why: 'The UN Editorial Manual capitalizes “Member States” of the United Nations.',
    flags: 'We call upon all member states to act.',
    leavesAlone: 'We call upon all Member States to act.',
    leavesAloneBecause: '“Member States” is capitalized',
  },
  'un-secretary-general': {
    why: 'The UN Editorial Manual writes “Secretary-General” with a hyphen and capitals.',
    flags: 'We thank the Secretary General for his report.',
    leavesAlone: 'We thank the Secretary-General for his report.',
    leavesAloneBecause: 'the title is written as the UN writes it',
  },
  'un-spelling': {
    why: 'The UN writes Oxford spelling: “organization”, but “programme” and “centre”.',
    flags: 'We thank the organisation for its work.',
    leavesAlone: 'We thank the organization for its work.',
    leavesAloneBecause: 'it is the Oxford spelling',
  },
  'un-numbers': {
    why: 'The UN Editorial Manual writes one to nine in words and 10 and above in figures.',
    flags: 'We have deployed 3 units and twelve observers.',
    leavesAlone: 'We have deployed three units and 12 observers.',
    leavesAloneBecause: 'the numbers follow the rule',
  },
  'un-per-cent': {
    why: 'The UN Editorial Manual writes “per cent”.',
    flags: 'Contributions rose by 5 percent.',
    leavesAlone: 'Contributions rose by 5 per cent.',
    leavesAloneBecause: '“per cent” is written as two words',
  },
  'un-abbreviation-stops': {
    why: 'The UN Editorial Manual writes abbreviations without full stops.',
    flags: 'The U.N. has a role to play.',
    leavesAlone: 'The UN has a role to play.',
    leavesAloneBecause: 'the abbreviation has no full stops',
  },
};
